package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KdTreeTest {

    /** Points on a coarse grid, so that many distances tie and many coordinates repeat. */
    private static double[] gridPoints(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[n * d];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextInt(6);
        }
        return points;
    }

    private static Integer[] bruteForce(double[] points, int d, double[] query, int[] tags, int skipTag) {
        int n = points.length / d;
        return IntStream.range(0, n).filter(i -> tags == null || tags[i] != skipTag).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> CentroidDistances.squared(query, 0, points, i * d, d))
                        .thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    @Test
    void findsTheSameNeighboursAsAFullScanTiesToTheLowerIndex() {
        int d = 3;
        double[] points = gridPoints(700, d, 5);
        KdTree tree = new KdTree(points, d);
        SplittableRandom random = new SplittableRandom(9);
        for (int q = 0; q < 200; q++) {
            double[] query = {random.nextDouble(-1, 6), random.nextDouble(-1, 6), random.nextInt(6)};
            Integer[] expected = bruteForce(points, d, query, null, 0);
            int[] found = new int[7];
            double[] distances = new double[7];
            assertThat(tree.nearest(query, 0, 7, null, 0, found, distances)).isEqualTo(7);
            assertThat(Arrays.stream(found).boxed().toArray(Integer[]::new)).containsExactly(Arrays.copyOf(expected, 7));
            assertThat(tree.nearest(query, 0)).isEqualTo(expected[0]);
            assertThat(distances[0]).isEqualTo(CentroidDistances.squared(query, 0, points, expected[0] * d, d));
        }
    }

    @Test
    void skipsTaggedPoints() {
        int d = 2;
        double[] points = gridPoints(300, d, 2);
        int[] tags = IntStream.range(0, 300).map(i -> i % 3).toArray();
        KdTree tree = new KdTree(points, d);
        double[] query = {2.5, 2.5};
        int[] found = new int[1];
        double[] distance = new double[1];
        tree.nearest(query, 0, 1, tags, 0, found, distance);
        assertThat(found[0]).isEqualTo(bruteForce(points, d, query, tags, 0)[0]);
        assertThat(tags[found[0]]).isNotZero();
    }

    @Test
    void fewerPointsThanAskedForAreAllReturned() {
        KdTree tree = new KdTree(new double[] {0, 5, 1}, 1);
        int[] found = new int[5];
        double[] distances = new double[5];
        assertThat(tree.nearest(new double[] {4}, 0, 5, null, 0, found, distances)).isEqualTo(3);
        assertThat(Arrays.copyOf(found, 3)).containsExactly(1, 2, 0);
        assertThat(new KdTree(new double[0], 2).nearest(new double[] {0, 0}, 0)).isEqualTo(-1);
    }

    @Test
    void pointAtFindsTheLowestIndexedStoredPointAtDistanceZeroAndNothingElse() {
        int d = 3;
        double[] points = gridPoints(700, d, 11); // 216 grid cells for 700 rows: most stored points repeat
        KdTree tree = new KdTree(points, d);
        SplittableRandom random = new SplittableRandom(4);
        int matched = 0;
        for (int q = 0; q < 400; q++) {
            // half the queries are grid cells (often stored, several times), half lie between cells (never stored)
            double[] query = new double[d];
            for (int j = 0; j < d; j++) {
                query[j] = q % 2 == 0 ? random.nextInt(7) : random.nextInt(6) + 0.5;
            }
            int nearest = tree.nearest(query, 0);
            boolean stored = CentroidDistances.squared(query, 0, points, nearest * d, d) == 0;
            assertThat(tree.pointAt(query, 0)).isEqualTo(stored ? nearest : -1);
            matched += stored ? 1 : 0;
        }
        assertThat(matched).isBetween(100, 199);
        assertThat(tree.pointAt(new double[] {Double.NaN, 0, 0}, 0)).isEqualTo(-1);
        assertThat(new KdTree(new double[0], 2).pointAt(new double[] {0, 0}, 0)).isEqualTo(-1);
    }

    @Test
    void refusesValuesThatAreNotWholeRows() {
        assertThatThrownBy(() -> new KdTree(new double[5], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 dimensions");
    }
}
