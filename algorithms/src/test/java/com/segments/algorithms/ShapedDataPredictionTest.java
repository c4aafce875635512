package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring gives back the fitted segmentation on shapes no centroid describes: every training row its training
 * label, and new rows from the same shapes the segment their shape was fitted into.
 */
class ShapedDataPredictionTest {

    interface Generator {
        DataMatrix generate(int rows, long seed, int[] truth);
    }

    static Stream<Arguments> shapes() {
        Generator spirals = ShapedData::spirals;
        Generator rings = ShapedData::rings;
        Generator moons = ShapedData::moons;
        Generator noisy = ShapedData::noisyBlobs;
        return Stream.of(
                Arguments.of("two spirals", spirals, 400, 2),
                Arguments.of("nested rings", rings, 400, 2),
                Arguments.of("moons", moons, 400, 2),
                Arguments.of("blobs + 20% noise", noisy, 1000, 3));
    }

    /** The shapes of two segments; single linkage chains uniform noise into one segment, so there is nothing to follow. */
    static Stream<Arguments> twoShapes() {
        return shapes().filter(shape -> (int) shape.get()[3] == 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void singleLinkageKeepsItsChainsWhenScoring(String name, Generator shape, int size, int k) {
        checkAgreement(new SmileHierarchicalAlgorithm.Single(), shape, size, k);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void wardKeepsItsShapesWhenScoring(String name, Generator shape, int size, int k) {
        checkAgreement(new SmileHierarchicalAlgorithm.Ward(), shape, size, k);
    }

    private static void checkAgreement(ClusteringAlgorithm algorithm, Generator shape, int size, int k) {
        int[] truth = new int[2 * size];
        DataMatrix x = shape.generate(size, 17, truth);
        ClusteringResult result = algorithm.fit(x, algorithm.descriptor().resolve(Map.of("k", k)), 5L);
        int[] scored = result.rule().labelAll(x.rowMajorView());
        // condensed exemplars still give every training row its label: exactly, noise included
        assertThat(scored).containsExactly(result.labels());
        assertThat((double) result.diagnostics().get("predictAgreement")).isEqualTo(1.0);
        int exemplars = (int) result.diagnostics().get("exemplars");
        assertThat(exemplars).isLessThan(x.rows());
        // new rows from the same shapes: the condensed rule answers as the rule over every training row would
        int[] freshTruth = new int[2 * size];
        DataMatrix fresh = shape.generate(size, 99, freshTruth);
        NearestNeighbourRule everyRow = new NearestNeighbourRule(k, x.columns(), x.rowMajorView(), result.labels(),
                new double[k], new double[x.rows()]);
        double agreement = PredictAgreement.of(result.rule().labelAll(fresh.rowMajorView()),
                everyRow.labelAll(fresh.rowMajorView()));
        System.out.printf("%s on %d rows: %d exemplars; new rows agree with the every-row rule %.4f%n",
                algorithm.descriptor().id(), x.rows(), exemplars, agreement);
        assertThat(agreement).isGreaterThanOrEqualTo(0.98);
    }

    /** Single linkage separates the spirals, rings and moons exactly, and new points follow their own shape. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("twoShapes")
    void newRowsFromASingleLinkageShapeJoinTheSegmentOfTheirShape(String name, Generator shape, int size, int k) {
        SmileHierarchicalAlgorithm single = new SmileHierarchicalAlgorithm.Single();
        int[] truth = new int[2 * size];
        ClusteringResult result = single.fit(shape.generate(size, 17, truth), single.descriptor().resolve(Map.of("k", 2)), 5L);
        assertThat(AdjustedRandIndex.of(result.labels(), truth)).isEqualTo(1.0);
        int[] freshTruth = new int[2 * size];
        DataMatrix fresh = shape.generate(size, 99, freshTruth);
        int[] scored = result.rule().labelAll(fresh.rowMajorView());
        assertThat(AdjustedRandIndex.of(scored, freshTruth)).isGreaterThan(0.99);
    }
}
