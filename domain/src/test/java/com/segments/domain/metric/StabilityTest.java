package com.segments.domain.metric;

import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityTest {

    private static DataMatrix twoBlobs() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] rows = new double[200][];
        for (int i = 0; i < 200; i++) {
            rows[i] = new double[] {(i < 100 ? 0 : 50) + random.nextDouble()};
        }
        return DataMatrix.ofRows(rows);
    }

    private static int[] truth() {
        int[] labels = new int[200];
        for (int i = 100; i < 200; i++) {
            labels[i] = 1;
        }
        return labels;
    }

    @Test
    void aRefitThatFindsTheSameSegmentsIsPerfectlyStable() {
        DataMatrix x = twoBlobs();
        List<DataMatrix> samples = Stability.samples(x, 10, 150, 3L);
        Stability.Result result = Stability.bootstrap(x, truth(), 2, samples, 3L,
                (sample, seed) -> new NearestCentroidRule(2, 1, new double[] {0.5, 50.5}, new double[] {1, 1}));
        assertThat(result.jaccard()).containsExactly(1.0, 1.0);
        assertThat(result.meanAri()).isEqualTo(1.0);
        assertThat(result.dissolved()).isZero();
        assertThat(result.sampleSize()).isEqualTo(150);
        assertThat(samples).hasSize(10).allSatisfy(s -> assertThat(s.rows()).isEqualTo(150));
    }

    @Test
    void aSegmentThatRefitsMergeAwayDissolves() {
        DataMatrix x = twoBlobs();
        Stability.Result result = Stability.bootstrap(x, truth(), 2, Stability.samples(x, 5, 200, 3L), 3L,
                (sample, seed) -> new NearestCentroidRule(1, 1, new double[] {25}, new double[] {100}));
        assertThat(result.jaccard()).containsExactly(0.5, 0.5);
        assertThat(result.dissolved()).isEqualTo(2);
    }

    @Test
    void aFailedRefitDissolvesEverything() {
        DataMatrix x = twoBlobs();
        Stability.Result result = Stability.bootstrap(x, truth(), 2, Stability.samples(x, 4, 200, 3L), 3L,
                (sample, seed) -> null);
        assertThat(result.jaccard()).containsExactly(0.0, 0.0);
    }

    @Test
    void theSameSeedDrawsTheSameSamples() {
        DataMatrix x = twoBlobs();
        assertThat(Stability.samples(x, 3, 50, 9L)).isEqualTo(Stability.samples(x, 3, 50, 9L));
    }
}
