package com.segments.domain.engine;

import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.Segment;
import com.segments.domain.profile.SegmentProfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine hands back: everything a model version needs, as plain values measured on the engine over every
 * row, and a seeded sample of rows for what is measured here (drift reference, alignment with the active version).
 *
 * @param algorithm       the id stored with the version ({@code spark-kmeans}, {@code spark-bisecting-kmeans})
 * @param parameters      the resolved parameters (k, maxIterations, ...)
 * @param preprocessing   the pipeline fitted on the engine, applied unchanged when scoring here
 * @param rule            the centres (and each segment's outlier radius)
 * @param segments        sizes, shares and centres of every segment, in id order
 * @param metrics         inertia, Davies-Bouldin and Calinski-Harabasz over every row; silhouette on a sample
 * @param profiles        every segment's profile, computed on the engine
 * @param fingerprint     the training data
 * @param provenance      engine, master and library versions, stored with the version
 * @param notes           what the engine decided and why, one line each (columns read, fitted steps, tolerances)
 * @param sample          a seeded sample of the training rows in raw units (the schema is the model's)
 * @param sampleLabels    the engine's own segment of each sample row
 * @param fitMillis       time the clustering fit took on the engine
 */
public record EngineFit(String algorithm, Map<String, Integer> parameters, FittedPreprocessing preprocessing,
                        NearestCentroidRule rule, List<Segment> segments, ModelMetrics metrics,
                        List<SegmentProfile> profiles, DataFingerprint fingerprint, Map<String, String> provenance,
                        List<String> notes, CustomerProfiles sample, int[] sampleLabels, long fitMillis) {

    public EngineFit {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(sample, "sample");
        parameters = Map.copyOf(parameters);
        segments = List.copyOf(segments);
        profiles = List.copyOf(profiles);
        provenance = Map.copyOf(provenance);
        notes = List.copyOf(notes);
        sampleLabels = sampleLabels.clone();
        if (sampleLabels.length != sample.size()) {
            throw new IllegalArgumentException(sampleLabels.length + " sample labels for " + sample.size() + " sample rows");
        }
        if (segments.size() != rule.segmentCount() || profiles.size() != rule.segmentCount()) {
            throw new IllegalArgumentException(rule.segmentCount() + " segments in the rule, " + segments.size()
                    + " described and " + profiles.size() + " profiled");
        }
    }

    @Override
    public int[] sampleLabels() {
        return sampleLabels.clone();
    }
}
