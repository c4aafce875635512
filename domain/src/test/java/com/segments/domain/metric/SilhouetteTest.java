package com.segments.domain.metric;

import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilhouetteTest {

    @Test
    void matchesAHandComputedValue() {
        // Segment 0 = {0, 1}, segment 1 = {10, 12}.
        // s(0) = 1 - 1/11, s(1) = 1 - 1/10, s(10) = 1 - 2/9.5, s(12) = 1 - 2/11.5
        DataMatrix x = DataMatrix.ofRows(new double[][] {{0}, {1}, {10}, {12}});
        double expected = ((1 - 1 / 11.0) + (1 - 1 / 10.0) + (1 - 2 / 9.5) + (1 - 2 / 11.5)) / 4;
        assertThat(Silhouette.exact(x, new int[] {0, 0, 1, 1}, 2)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void aRowAloneInItsSegmentScoresZero() {
        DataMatrix x = DataMatrix.ofRows(new double[][] {{0}, {1}, {10}});
        double expected = ((1 - 1 / 10.0) + (1 - 1 / 9.0) + 0) / 3;
        assertThat(Silhouette.exact(x, new int[] {0, 0, 1}, 2)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void aboveTheLimitSamplesEverySegmentAndSaysHowManyRows() {
        int n = 3000;
        double[][] rows = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 2950 ? 0 : 1; // a small segment of 50 rows
            rows[i] = new double[] {labels[i] * 10 + (i % 7) / 10.0};
        }
        Silhouette.Result sampled = Silhouette.compute(DataMatrix.ofRows(rows), labels, 2, 500, 1L);
        assertThat(sampled.rowsUsed()).isBetween(500, 540);
        int[] sample = Silhouette.stratifiedSample(labels, 2, 500, 1L);
        assertThat(Arrays.stream(sample).filter(i -> labels[i] == 1).count()).isGreaterThanOrEqualTo(20);
        assertThat(sampled.value()).isCloseTo(Silhouette.exact(DataMatrix.ofRows(rows), labels, 2), within(0.02));
        assertThat(Silhouette.compute(DataMatrix.ofRows(rows), labels, 2, 500, 1L)).isEqualTo(sampled);
    }
}
