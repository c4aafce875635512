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

    @Test
    void scoringManyRowsGivesEveryRowTheAnswerOfScoringItAlone() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        int k = 7;
        int d = 5;
        double[] centroids = new double[k * d];
        for (int v = 0; v < centroids.length; v++) {
            centroids[v] = random.nextGaussian() * 3;
        }
        double[] rows = new double[10_000 * d];
        for (int v = 0; v < rows.length; v++) {
            rows[v] = random.nextGaussian() * 4;
        }
        System.arraycopy(centroids, 0, rows, 0, d); // a row exactly on a centre
        NearestCentroidRule fitted = NearestCentroidRule.fromCentroids(k, d, centroids, rows);
        Assignments all = fitted.assignAll(rows);
        assertThat(all.size()).isEqualTo(10_000);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isEqualTo(fitted.assign(java.util.Arrays.copyOfRange(rows, i * d, (i + 1) * d)));
        }
        assertThat(all.distance(0)).isZero();
        assertThat(all.segment(0)).isZero();
        Assignments some = new Assignments(3);
        fitted.assignBlock(rows, 100, 103, some, 0);
        assertThat(some.get(2)).isEqualTo(all.get(102));
    }

    @Test
    void aFitThatKnowsItsMembersGetsTheSameRadiiAsOneThatMeasuresThem() {
        double[] rows = new double[300];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i % 3) * 50 + (i * 7 % 13);
        }
        double[] centroids = {6, 56, 106};
        NearestCentroidRule measured = NearestCentroidRule.fromCentroids(3, 1, centroids, rows);
        int[] labels = measured.labelAll(rows);
        double[] distances = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            distances[i] = Math.abs(rows[i] - centroids[labels[i]]);
        }
        assertThat(NearestCentroidRule.fromMembers(3, 1, centroids, labels, distances)).isEqualTo(measured);
        assertThat(measured.outlierRadius()).containsExactly(6.0, 6.0, 6.0);
    }

    @Test
    void distancesAddEveryColumnWhateverTheWidth() {
        double[] a = {1, 2, 3, 4, 5, 6, 7};
        double[] b = {0, 0, 0, 0, 0, 0, 0, 9};
        assertThat(CentroidDistances.squared(a, 0, b, 0, 7)).isEqualTo(140.0);
        assertThat(CentroidDistances.squared(a, 1, b, 1, 6)).isEqualTo(139.0);
        double[] two = new double[2];
        assertThat(CentroidDistances.nearestTwo(new double[] {1, 1}, 0, new double[] {0, 0, 1, 2, 3, 3}, 3, 2, two, 0))
                .isEqualTo(1);
        assertThat(two).containsExactly(1.0, 2.0);
        assertThat(CentroidDistances.confidence(1.0, 4.0)).isEqualTo(0.5);
    }
}
