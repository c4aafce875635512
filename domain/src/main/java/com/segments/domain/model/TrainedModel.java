package com.segments.domain.model;

import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.lineage.SegmentLineage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a trained segmentation is, as plain data: what it reads, how it transforms, how it assigns, what
 * it found, and where it came from. Nothing in it can run code when loaded.
 *
 * @param algorithm        id of the plugin that fitted it
 * @param parameters       the plugin's resolved parameters
 * @param seed             the seed of the fit
 * @param schema           the raw fields a customer must have
 * @param preprocessing    fitted transformation from raw fields to the clustering space
 * @param rule             assignment of a preprocessed vector to a segment
 * @param segments         one per segment id, in id order
 * @param metrics          quality at training time
 * @param fingerprint      the training data
 * @param libraryVersions  versions of the libraries that produced it (provenance)
 * @param lineage          how its segments continue those of the version it was aligned to, or null
 * @param reference        what its training data looked like, for drift reports; null for versions trained before
 *                         references were kept (drift cannot be measured for them)
 */
public record TrainedModel(
        String algorithm,
        AlgorithmParameters parameters,
        long seed,
        FeatureSchema schema,
        FittedPreprocessing preprocessing,
        AssignmentRule rule,
        List<Segment> segments,
        ModelMetrics metrics,
        DataFingerprint fingerprint,
        Map<String, String> libraryVersions,
        SegmentLineage lineage,
        DriftReference reference) {

    public TrainedModel(String algorithm, AlgorithmParameters parameters, long seed, FeatureSchema schema,
                        FittedPreprocessing preprocessing, AssignmentRule rule, List<Segment> segments,
                        ModelMetrics metrics, DataFingerprint fingerprint, Map<String, String> libraryVersions) {
        this(algorithm, parameters, seed, schema, preprocessing, rule, segments, metrics, fingerprint, libraryVersions,
                null, null);
    }

    public TrainedModel(String algorithm, AlgorithmParameters parameters, long seed, FeatureSchema schema,
                        FittedPreprocessing preprocessing, AssignmentRule rule, List<Segment> segments,
                        ModelMetrics metrics, DataFingerprint fingerprint, Map<String, String> libraryVersions,
                        SegmentLineage lineage) {
        this(algorithm, parameters, seed, schema, preprocessing, rule, segments, metrics, fingerprint, libraryVersions,
                lineage, null);
    }

    /** The same model with the summary of its training data that drift is measured against. */
    public TrainedModel withReference(DriftReference reference) {
        return new TrainedModel(algorithm, parameters, seed, schema, preprocessing, rule, segments, metrics, fingerprint,
                libraryVersions, lineage, reference);
    }

    public TrainedModel {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(fingerprint, "fingerprint");
        segments = List.copyOf(segments);
        libraryVersions = Map.copyOf(libraryVersions);
        if (preprocessing.inputWidth() != schema.size()) {
            throw new IllegalArgumentException("preprocessing reads " + preprocessing.inputWidth() + " values, the schema has "
                    + schema.size() + " features");
        }
        if (rule.dimensions() != preprocessing.outputWidth()) {
            throw new IllegalArgumentException("preprocessing writes " + preprocessing.outputWidth()
                    + " values, the assignment rule reads " + rule.dimensions());
        }
        if (rule.segmentCount() != segments.size()) {
            throw new IllegalArgumentException(rule.segmentCount() + " segments in the rule, " + segments.size() + " described");
        }
        if (reference != null && (reference.fields().size() != schema.size()
                || reference.segmentCount() != rule.segmentCount())) {
            throw new IllegalArgumentException("the drift reference describes " + reference.fields().size()
                    + " fields and " + reference.segmentCount() + " segments; the model has " + schema.size() + " and "
                    + rule.segmentCount());
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).id() != i) {
                throw new IllegalArgumentException("segments must be in id order; position " + i + " has id " + segments.get(i).id());
            }
        }
    }

    public int segmentCount() {
        return rule.segmentCount();
    }

    /**
     * Assigns one raw feature vector. {@code raw} may be overwritten with its preprocessed form, so the caller can
     * reuse one buffer per thread; a chain that keeps the width allocates only the result.
     */
    public Assignment assignInPlace(double[] raw) {
        return rule.assign(preprocessing.transformInPlace(raw));
    }

    /** True when column {@code j} of {@link #originalColumns()} holds category level positions, which have no mean. */
    public boolean isCategoryColumn(int j) {
        return j < schema.size() && schema.fields().get(j).kind() == com.segments.domain.feature.Field.Kind.CATEGORY;
    }

    /** Names of the columns of {@link Segment#centroidOriginal()}: the fields, then any derived features. */
    public List<String> originalColumns() {
        return preprocessing.originalColumns(schema);
    }

    /**
     * Assigns many raw rows at once (batch scoring, the CSV upload): {@code rawRows} is row-major with
     * {@code schema().size()} values per row and is left untouched. Each row's answer equals {@link #assign}'s; the
     * rule scores the preprocessed rows block-wise on every core where it can ({@link NearestCentroidRule#assignAll}).
     */
    public Assignments assignAll(double[] rawRows) {
        int width = preprocessing.inputWidth();
        int n = rawRows.length / width;
        double[] scaled = new double[n * rule.dimensions()];
        double[] buffer = new double[width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rawRows, i * width, buffer, 0, width);
            System.arraycopy(preprocessing.transformInPlace(buffer), 0, scaled, i * rule.dimensions(), rule.dimensions());
        }
        return rule.assignAll(scaled);
    }

    /** Assigns one raw feature vector, leaving it untouched. */
    public Assignment assign(double[] raw) {
        return assignInPlace(raw.clone());
    }
}
