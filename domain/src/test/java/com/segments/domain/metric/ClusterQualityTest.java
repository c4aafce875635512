package com.segments.domain.metric;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterQualityTest {

    private static final DataMatrix X = DataMatrix.ofRows(new double[][] {{0}, {1}, {10}, {12}, {30}});

    @Test
    void daviesBouldinAndCalinskiHarabaszMatchScikitLearn() {
        // sklearn.metrics.davies_bouldin_score / calinski_harabasz_score on the same rows and labels [0, 0, 1, 1, 2]
        ClusterQuality quality = ClusterQuality.of(X, new int[] {0, 0, 1, 1, 2}, 100, 1L);
        assertThat(quality.daviesBouldin()).isCloseTo(0.11278195488721804, within(1e-12));
        assertThat(quality.calinskiHarabasz()).isCloseTo(232.27999999999997, within(1e-9));
        assertThat(quality.segments()).isEqualTo(3);
        assertThat(quality.noiseFraction()).isZero();
    }

    @Test
    void noiseRowsAreLeftOutAndCounted() {
        ClusterQuality withNoise = ClusterQuality.of(X, new int[] {0, 0, 1, 1, Assignment.NOISE}, 100, 1L);
        ClusterQuality without = ClusterQuality.of(X.selectRows(new int[] {0, 1, 2, 3}), new int[] {0, 0, 1, 1}, 100, 1L);
        assertThat(withNoise.noiseFraction()).isEqualTo(0.2);
        assertThat(withNoise.silhouette()).isEqualTo(without.silhouette());
        assertThat(withNoise.daviesBouldin()).isEqualTo(without.daviesBouldin());
        assertThat(ClusterQuality.withinSumOfSquares(X, new int[] {0, 0, 1, 1, Assignment.NOISE}))
                .isEqualTo(withNoise.withinSumOfSquares()).isEqualTo(0.25 + 0.25 + 1 + 1);
    }

    @Test
    void oneSegmentHasNoDefinedScores() {
        ClusterQuality quality = ClusterQuality.of(X, new int[] {0, 0, 0, 0, 0}, 100, 1L);
        assertThat(quality.segments()).isEqualTo(1);
        assertThat(quality.silhouette()).isNaN();
    }
}
