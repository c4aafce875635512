package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.drift.DriftMeter;
import com.segments.domain.drift.DriftReport;
import com.segments.domain.drift.DriftThresholds;
import com.segments.domain.drift.SignificanceTests;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.TableReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Compares a batch of customers with the data a version was trained on: each field's distribution and each segment's
 * share and outliers, streamed block by block through the same reading and scoring as {@code segments score}.
 */
public final class MeasureDrift {

    private final ModelLookup lookup;
    private final DataReader reader;
    private final SegmentNames names;
    private final SignificanceTests tests;

    public MeasureDrift(ModelLookup lookup, DataReader reader, SegmentNames names, SignificanceTests tests) {
        this.lookup = lookup;
        this.reader = reader;
        this.names = names;
        this.tests = tests;
    }

    public Result measure(Command command) {
        ModelVersion version = lookup.resolve(command.model());
        return measure(version, reader.open(command.data(), command.delimiter()), command.thresholds());
    }

    /** The same for an uploaded CSV, read once as it arrives. */
    public Result measureUpload(InputStream upload, String name, Character delimiter, ModelReference model,
                                DriftThresholds thresholds) {
        ModelVersion version = lookup.resolve(model);
        return measure(version, reader.open(upload, name, delimiter), thresholds);
    }

    private Result measure(ModelVersion version, TableReader source, DriftThresholds thresholds) {
        TrainedModel model = version.model();
        if (model.reference() == null) {
            throw new SegmentsException("model version " + version.version() + " was trained before drift references "
                    + "were kept, so drift cannot be measured against it; retrain it to get one");
        }
        FeatureSchema schema = model.schema();
        DriftMeter meter = new DriftMeter(model.reference());
        List<String> unused = reader.readForModel(source, schema, List.of(), ScoreBatch.BLOCK_ROWS, block -> {
            double[] raw = SchemaReads.rawMatrix(schema, block).rowMajorView();
            double[] positions = model.transformAll(raw);
            Assignments assigned = model.rule().assignAll(positions);
            meter.add(raw, assigned);
            meter.addPositions(positions, assigned);
        });
        List<String> segmentNames = names.names(version.version(), model.segmentCount());
        DriftReport report = meter.report(version.version(), thresholds, tests, segmentNames::get);
        return new Result(report, segmentNames, unused);
    }

    /**
     * Measure drift of a customer file.
     *
     * @param data       the CSV file
     * @param delimiter  its field separator, or null to detect it
     * @param model      a version, an alias, or {@link ModelReference#ACTIVE}
     * @param thresholds where the levels are drawn
     */
    public record Command(Path data, Character delimiter, ModelReference model, DriftThresholds thresholds) {
        public Command {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(thresholds, "thresholds");
        }
    }

    /**
     * @param report        the comparison
     * @param segmentNames  the version's segment names by id, for display
     * @param unusedColumns columns of the batch the model does not read
     */
    public record Result(DriftReport report, List<String> segmentNames, List<String> unusedColumns) {
        public Result {
            segmentNames = List.copyOf(segmentNames);
            unusedColumns = List.copyOf(unusedColumns);
        }
    }
}
