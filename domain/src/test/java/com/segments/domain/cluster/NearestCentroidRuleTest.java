package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NearestCentroidRuleTest {

    private final NearestCentroidRule rule = new NearestCentroidRule(3, 2,
            new double[] {0, 0, 10, 0, 0, 10}, new double[] {1, 1, 1});

    @Test
    void assignsTheNearestCentroidWithDistanceAndConfidence() {
        Assignment a = rule.assign(new double[] {1, 0});
        assertThat(a.segment()).isZero();
        assertThat(a.distance()).isEqualTo(1.0);
        assertThat(a.confidence()).isCloseTo(1 - 1.0 / 9.0, within(1e-12));
        assertThat(a.outlier()).isFalse();
    }

    @Test
    void aTieGoesToTheLowerIdWithNoConfidence() {
        Assignment a = rule.assign(new double[] {5, 0});
        assertThat(a.segment()).isZero();
        assertThat(a.confidence()).isZero();
    }

    @Test
    void beyondTheSegmentsRadiusIsAnOutlier() {
        assertThat(rule.assign(new double[] {10, 1.5}).outlier()).isTrue();
    }

    @Test
    void fromCentroidsSetsEachRadiusAtThe99thPercentileOfItsMembers() {
        double[] rows = new double[200 * 1];
        for (int i = 0; i < 100; i++) {
            rows[i] = i / 100.0;          // segment 0 around 0: distances 0 .. 0.99
            rows[100 + i] = 100 + i / 10.0; // segment 1 around 100: distances 0 .. 9.9
        }
        NearestCentroidRule fitted = NearestCentroidRule.fromCentroids(2, 1, new double[] {0, 100}, rows);
        assertThat(fitted.outlierRadius()[0]).isEqualTo(0.98);
        assertThat(fitted.outlierRadius()[1]).isCloseTo(9.8, within(1e-9));
        assertThat(fitted.labelAll(rows)).containsOnly(0, 1);
    }
}
