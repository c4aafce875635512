package com.segments.domain.metric;

import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GapStatisticTest {

    /** Three tight groups on a line, 60 rows each, at 0, 10 and 20. */
    private static DataMatrix threeGroups() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] rows = new double[180][];
        for (int i = 0; i < 180; i++) {
            rows[i] = new double[] {10 * (i / 60) + random.nextGaussian() * 0.3, random.nextGaussian() * 0.3};
        }
        return DataMatrix.ofRows(rows);
    }

    /** Exact 1-D k-means for sorted-by-gap splits is overkill here: cut at the k-1 widest gaps of the first column. */
    private static int[] cutAtWidestGaps(DataMatrix x, int k) {
        Integer[] order = new Integer[x.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x.get(a, 0), x.get(b, 0)));
        Integer[] gaps = new Integer[order.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = i;
        }
        java.util.Arrays.sort(gaps, (a, b) -> Double.compare(x.get(order[b + 1], 0) - x.get(order[b], 0),
                x.get(order[a + 1], 0) - x.get(order[a], 0)));
        boolean[] cut = new boolean[order.length];
        for (int c = 0; c < k - 1; c++) {
            cut[gaps[c] + 1] = true;
        }
        int[] labels = new int[x.rows()];
        int label = 0;
        for (int i = 0; i < order.length; i++) {
            label += cut[i] ? 1 : 0;
            labels[order[i]] = label;
        }
        return labels;
    }

    @Test
    void choosesTheThreeGroupsTheDataHas() {
        DataMatrix x = threeGroups();
        int[] ks = {2, 3, 4, 5, 6};
        double[] w = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            w[i] = ClusterQuality.withinSumOfSquares(x, cutAtWidestGaps(x, ks[i]));
        }
        List<DataMatrix> references = GapStatistic.referenceDraws(x, 10, 180, 7L);
        GapStatistic.Result result = GapStatistic.compute(x, ks, w, references, 7L,
                (reference, k, seed) -> cutAtWidestGaps(reference, k));

        assertThat(result.ks()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(result.chosen()).hasValue(3);
        assertThat(result.gapAt(3)).isGreaterThan(result.gapAt(2)).isGreaterThan(result.gapAt(1));
        assertThat(result.draws()).isEqualTo(10);
    }

    @Test
    void referenceDrawsAreUniformOverTheBoundingBoxAndSeeded() {
        DataMatrix x = threeGroups();
        List<DataMatrix> draws = GapStatistic.referenceDraws(x, 3, 500, 9L);
        assertThat(draws).hasSize(3).allSatisfy(d -> assertThat(d.rows()).isEqualTo(500));
        double[] column = draws.getFirst().column(0);
        double min = java.util.Arrays.stream(x.column(0)).min().orElseThrow();
        double max = java.util.Arrays.stream(x.column(0)).max().orElseThrow();
        assertThat(java.util.Arrays.stream(column).min().orElseThrow()).isGreaterThanOrEqualTo(min);
        assertThat(java.util.Arrays.stream(column).max().orElseThrow()).isLessThanOrEqualTo(max);
        // Uniform over [min, max]: the mean is the midpoint, to within a few standard errors of 500 draws.
        assertThat(java.util.Arrays.stream(column).average().orElseThrow()).isCloseTo((min + max) / 2, within((max - min) * 0.04));
        assertThat(GapStatistic.referenceDraws(x, 3, 500, 9L).get(2)).isEqualTo(draws.get(2));
    }

    /** The paper's rule on known numbers: Gap(2) = 0.5 >= Gap(3) - s(3) = 0.55 - 0.1 picks 2. */
    @Test
    void theOneStandardErrorRulePicksTheSmallestKWithinOneErrorOfTheNext() {
        int[] ks = {1, 2, 3, 4};
        assertThat(GapStatistic.oneStandardError(ks, new double[] {0.1, 0.5, 0.55, 0.6}, new double[] {0.1, 0.1, 0.1, 0.1}))
                .hasValue(2);
        assertThat(GapStatistic.oneStandardError(ks, new double[] {0.1, 0.5, 0.8, 1.2}, new double[] {0.05, 0.05, 0.05, 0.05}))
                .isEqualTo(OptionalInt.empty());
        // s_k = sd * sqrt(1 + 1/B): two draws with log W 1 and 3 have sd 1, so s = sqrt(1.5).
        GapStatistic.Result r = GapStatistic.summarise(new int[] {1, 2}, new double[] {1, 0}, new double[][] {{1, 3}, {1, 3}});
        assertThat(r.standardError()[0]).isCloseTo(Math.sqrt(1.5), within(1e-12));
        assertThat(r.gap()).containsExactly(1.0, 2.0);
    }
}
