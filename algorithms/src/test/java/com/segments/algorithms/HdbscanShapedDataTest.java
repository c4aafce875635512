package com.segments.algorithms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.HdbscanRule;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our HDBSCAN against scikit-learn's labels on shapes no centroid describes, and against the hdbscan library's
 * definitions of membership, GLOSH and approximate prediction on a small case. The expected values come from
 * benchmarks/scripts/hdbscan-known-answers.sh (scikit-learn 1.9 on the rows {@link ShapedDataCsv} writes), committed
 * in src/test/resources/hdbscan/known-answers.json.
 */
class HdbscanShapedDataTest {

    /** The shaped sets with the parameters both sides fit them with. */
    enum Shape {
        SPIRALS("spirals", 800, 100, 5, false),
        RINGS("rings", 800, 20, 10, false),
        MOONS("moons", 800, 20, 10, false),
        NOISY_BLOBS("noisy-blobs", 1000, 50, 0, false),
        NOISY_BLOBS_LEAF("noisy-blobs-leaf", 1000, 20, 5, true);

        private final String file;
        private final int rows;
        final int minClusterSize;
        final int minSamples;
        final boolean leaf;

        Shape(String file, int rows, int minClusterSize, int minSamples, boolean leaf) {
            this.file = file;
            this.rows = rows;
            this.minClusterSize = minClusterSize;
            this.minSamples = minSamples;
            this.leaf = leaf;
        }

        String file() {
            return file;
        }

        int rows() {
            return rows;
        }

        DataMatrix generate(long seed, int[] truth) {
            return switch (this) {
                case SPIRALS -> ShapedData.spirals(rows / 2, seed, truth);
                case RINGS -> ShapedData.rings(rows / 2, seed, truth);
                case MOONS -> ShapedData.moons(rows / 2, seed, truth);
                case NOISY_BLOBS, NOISY_BLOBS_LEAF -> ShapedData.noisyBlobs(rows, seed, truth);
            };
        }
    }

    private static JsonNode knownAnswers() throws IOException {
        try (InputStream in = HdbscanShapedDataTest.class.getResourceAsStream("/hdbscan/known-answers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static ClusteringResult fit(DataMatrix x, int minClusterSize, int minSamples) {
        return fit(x, minClusterSize, minSamples, false);
    }

    private static ClusteringResult fit(DataMatrix x, int minClusterSize, int minSamples, boolean leaf) {
        HdbscanAlgorithm hdbscan = new HdbscanAlgorithm();
        return hdbscan.fit(x, hdbscan.descriptor().resolve(Map.of("minClusterSize", minClusterSize,
                "minSamples", minSamples, "leafSelection", leaf ? 1 : 0)), 0L);
    }

    private static int[] ints(JsonNode array) {
        return IntStream.range(0, array.size()).map(i -> array.get(i).asInt()).toArray();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void findsScikitLearnsLabelsAndScoringGivesEveryTrainingLabelBack(Shape shape) throws IOException {
        int[] truth = new int[shape.rows()];
        DataMatrix x = shape.generate(ShapedDataCsv.SEED, truth);
        ClusteringResult result = fit(x, shape.minClusterSize, shape.minSamples, shape.leaf);
        int[] expected = ints(knownAnswers().get(shape.file()).get("labels"));
        assertThat(AdjustedRandIndex.of(result.labels(), expected)).isGreaterThanOrEqualTo(0.99);
        assertThat(PredictAgreement.of(result.rule().labelAll(x.rowMajorView()), result.labels())).isEqualTo(1.0);
    }

    /** New rows from the same shapes join their shape's segment; a row far from everything is noise. */
    @ParameterizedTest
    @EnumSource(value = Shape.class, names = "NOISY_BLOBS_LEAF", mode = EnumSource.Mode.EXCLUDE)
    void newRowsJoinTheirShapeAndFarRowsAreNoise(Shape shape) {
        int[] truth = new int[shape.rows()];
        ClusteringResult result = fit(shape.generate(ShapedDataCsv.SEED, truth), shape.minClusterSize, shape.minSamples);
        int[] freshTruth = new int[shape.rows()];
        DataMatrix fresh = shape.generate(99, freshTruth);
        int[] scored = result.rule().labelAll(fresh.rowMajorView());
        int[] shaped = IntStream.range(0, freshTruth.length).filter(i -> freshTruth[i] != Assignment.NOISE).toArray();
        assertThat(AdjustedRandIndex.of(IntStream.of(shaped).map(i -> scored[i]).toArray(),
                IntStream.of(shaped).map(i -> freshTruth[i]).toArray())).isGreaterThan(0.9);
        Assignment far = result.rule().assign(new double[] {500, -500});
        assertThat(far.isNoise()).isTrue();
        assertThat(far.outlier()).isTrue();
        assertThat(far.confidence()).isZero();
    }

    /**
     * A small case where every number is known: labels and membership (scikit-learn's probabilities_), GLOSH scores
     * and approximate prediction of new points (the hdbscan library's definitions, computed by the script from
     * scikit-learn's condensed tree because the hdbscan package is not installable here).
     */
    @Test
    void membershipGloshAndApproximatePredictionMatchTheLibrarysDefinitions() throws IOException {
        JsonNode small = knownAnswers().get("small");
        DataMatrix x = matrix(small.get("x"));
        ClusteringResult result = fit(x, small.get("min_cluster_size").asInt(), small.get("min_samples").asInt());
        HdbscanRule rule = (HdbscanRule) result.rule();
        assertThat(result.labels()).isEqualTo(ints(small.get("labels")));
        assertClose(rule.membership(), small.get("probabilities"));
        assertClose(rule.trainingOutlierScores(), small.get("outlier_scores"));
        DataMatrix fresh = matrix(small.get("new_points"));
        for (int i = 0; i < fresh.rows(); i++) {
            Assignment a = rule.assign(fresh.row(i));
            assertThat(a.segment()).as("new point %d", i).isEqualTo(small.get("new_labels").get(i).asInt());
            assertThat(a.confidence()).as("new point %d", i).isCloseTo(small.get("new_probabilities").get(i).asDouble(),
                    within(1e-9));
            assertThat(rule.outlierScore(fresh.row(i))).as("new point %d", i)
                    .isCloseTo(small.get("new_outlier_scores").get(i).asDouble(), within(1e-9));
        }
    }

    private static DataMatrix matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = rows.get(i);
            out[i] = IntStream.range(0, row.size()).mapToDouble(j -> row.get(j).asDouble()).toArray();
        }
        return DataMatrix.ofRows(out);
    }

    private static void assertClose(double[] actual, JsonNode expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("row %d", i).isCloseTo(expected.get(i).asDouble(), within(1e-9));
        }
    }
}
