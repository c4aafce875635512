package com.segments.application;

import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.ModelVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/** Assigns one customer, given as raw fields, to a segment of the active (or a named) model. */
public final class PredictSegment {

    private final ModelLookup lookup;
    private final SegmentNames names;
    private final LiveDrift live;

    public PredictSegment(ModelLookup lookup) {
        this(lookup, null, null);
    }

    /** @param names segment names and offers to put in each answer (null: answers carry none) */
    public PredictSegment(ModelLookup lookup, SegmentNames names) {
        this(lookup, names, null);
    }

    /** @param live the rolling summary every answered prediction is counted in (null: none) */
    public PredictSegment(ModelLookup lookup, SegmentNames names, LiveDrift live) {
        this.lookup = lookup;
        this.names = names;
        this.live = live;
    }

    /**
     * @throws com.segments.domain.feature.FieldValidationException naming a missing, unknown or non-numeric field
     * @throws com.segments.domain.model.NoActiveModelException    when nothing has been trained yet
     */
    public Prediction predict(Command command) {
        ModelVersion model = lookup.resolve(command.model());
        return prediction(model, command.fields(), model.model().schema().toRawVector(command.fields()));
    }

    /**
     * Assigns many customers with one model (the version is resolved once, so a batch is never split across a
     * model swap). All items are checked first: a bad item fails the batch, naming its position and field.
     *
     * @throws FieldValidationException with the field as {@code [index].FIELD}
     */
    public List<Prediction> predictAll(List<? extends Map<String, ?>> customers, ModelReference reference) {
        ModelVersion model = lookup.resolve(reference);
        FeatureSchema schema = model.model().schema();
        List<double[]> vectors = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            try {
                vectors.add(schema.toRawVector(customers.get(i)));
            } catch (FieldValidationException e) {
                throw FieldValidationException.whole("[" + i + "]." + e.field(), "customer " + i + ": " + e.getMessage());
            }
        }
        List<Prediction> predictions = new ArrayList<>(customers.size());
        for (int i = 0; i < vectors.size(); i++) {
            predictions.add(prediction(model, customers.get(i), vectors.get(i)));
        }
        return predictions;
    }

    /** Assigns a validated raw vector (overwritten) and names the customer by its id field, if the model has one. */
    private Prediction prediction(ModelVersion model, Map<String, ?> fields, double[] raw) {
        String idColumn = model.model().schema().idColumn();
        Object id = idColumn == null ? null : fields.get(idColumn);
        double[] seen = live == null ? null : raw.clone();
        com.segments.domain.cluster.Assignment assignment = model.model().assignInPlace(raw);
        if (live != null) {
            live.observe(model, seen, assignment);
        }
        var label = names == null || assignment.isNoise() ? java.util.Optional.<com.segments.domain.profile.SegmentLabel>empty()
                : names.label(model.version(), assignment.segment());
        return new Prediction(model.version(), id == null ? null : id.toString(), assignment,
                label.map(com.segments.domain.profile.SegmentLabel::name).orElse(null),
                label.map(com.segments.domain.profile.SegmentLabel::offers).orElse(List.of()));
    }

    /**
     * Predict the segment of one customer.
     *
     * @param fields  the customer's raw fields by name (numbers, numeric strings, or null for unknown)
     * @param model  a version, an alias, or {@link ModelReference#ACTIVE}
     */
    public record Command(Map<String, ?> fields, ModelReference model) {

        public Command {
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(model, "model");
        }
    }
}
