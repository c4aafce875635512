package com.segments.adapters.jdbc;

import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;

import java.util.List;
import java.util.Map;

/** Small hand-made models with awkward numbers (NaN, tiny and huge values) for storage tests. */
final class ModelFixtures {

    private ModelFixtures() {
    }

    static TrainedModel twoSegments(String source) {
        FeatureSchema schema = new FeatureSchema("CUST_ID", List.of("BALANCE", "PURCHASES", "TENURE"));
        FittedPreprocessing preprocessing = new FittedPreprocessing(List.of(
                new Imputation(new double[] {873.385231, 361.28, 12}),
                new Standardisation(new double[] {1564.47, 1003.2, 11.51}, new double[] {2081.41, 2136.5, 1.3381})));
        NearestCentroidRule rule = new NearestCentroidRule(2, 3,
                new double[] {-0.25, 0.1, 1e-300, 1.75, -0.0, 0.1 + 0.2}, new double[] {2.5, 3.25});
        List<Segment> segments = List.of(
                new Segment(0, 6000, 0.6, rule.centroid(0), new double[] {1000.5, 1200, 12}),
                new Segment(1, 4000, 0.4, rule.centroid(1), new double[] {Double.NaN, 1e12, 11}));
        return new TrainedModel("kmeans", new AlgorithmParameters(Map.of("k", 2, "restarts", 10)), 42L, schema,
                preprocessing, rule, segments, new ModelMetrics(1234.5, 0.2187357173949732, 10_000, Double.NaN, Double.NaN, Double.NaN),
                new DataFingerprint(source, 10_000, "ab".repeat(32)), Map.of("kmeans", "Tribuo 4.3.2"));
    }

    /** A density-based model: exemplars with reaches, noise in the metrics. */
    static TrainedModel withNoise(String source) {
        TrainedModel base = twoSegments(source);
        com.segments.domain.cluster.NearestExemplarRule rule = new com.segments.domain.cluster.NearestExemplarRule(2, 3,
                new double[] {0, 0, 0, 0.5, 0, 0, 9, 9, 9}, new int[] {0, 0, 1}, new double[] {1.25, 0.75, 2});
        return new TrainedModel("tribuo-hdbscan", new AlgorithmParameters(Map.of("minClusterSize", 50, "neighbours", 5)), 7L,
                base.schema(), base.preprocessing(), rule, base.segments(),
                new ModelMetrics(99.5, 0.4676, 2311, 0.7419, 0.7464, 1936.79), base.fingerprint(), base.libraryVersions(),
                new com.segments.domain.lineage.SegmentLineage(3, java.util.List.of(
                        new com.segments.domain.lineage.SegmentLineage.Link(com.segments.domain.lineage.SegmentLineage.Kind.KEPT,
                                java.util.List.of(0), java.util.List.of(0), 0.93),
                        new com.segments.domain.lineage.SegmentLineage.Link(com.segments.domain.lineage.SegmentLineage.Kind.SPLIT,
                                java.util.List.of(1), java.util.List.of(1, 2), Double.NaN))));
    }

    /**
     * A hand-made HDBSCAN rule over seven rows of {@code d} dimensions placed along the first axis: rows 0-2 near 0
     * (cluster 8, row 2 staying to the end: lambda infinite), rows 3-5 near 5 (cluster 9), row 6 at 20 (noise).
     */
    static com.segments.domain.cluster.HdbscanRule smallHdbscanRule(int d) {
        double[] along = {0, 0.1, 0.2, 5, 5.1, 5.2, 20};
        double[] rows = new double[7 * d];
        for (int i = 0; i < 7; i++) {
            rows[i * d] = along[i];
        }
        com.segments.domain.cluster.CondensedTree tree = new com.segments.domain.cluster.CondensedTree(7,
                new int[] {7, 7, 7, 8, 8, 8, 9, 9, 9}, new int[] {8, 9, 6, 0, 1, 2, 3, 4, 5},
                new double[] {0.2, 0.2, 0.05, 5, 10, Double.POSITIVE_INFINITY, 5, 5, 10}, new int[] {3, 3, 1, 1, 1, 1, 1, 1, 1});
        return com.segments.domain.cluster.HdbscanRule.fromFit(d, 2, rows, new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 14.8},
                new int[] {0, 0, 0, 1, 1, 1, -1}, new double[] {0, 0, 1, 0.5, 0.5, 1, 0}, tree, new int[] {8, 9});
    }
}
