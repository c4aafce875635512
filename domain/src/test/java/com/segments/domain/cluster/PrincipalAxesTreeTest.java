package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalAxesTreeTest {

    /**
     * Points on an integer grid with duplicates, queried at grid and half-grid positions: many exact ties in distance,
     * which both searches must settle the same way (the lower index), and the same squared distance.
     */
    @Test
    void answersExactlyAsTheKdTreeDoesTiesIncluded() {
        SplittableRandom random = new SplittableRandom(11);
        int d = 5;
        double[] points = new double[700 * d];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextInt(6) * (i % d == 0 ? 3 : 1);
        }
        KdTree tree = new KdTree(points, d);
        PrincipalAxesTree scan = new PrincipalAxesTree(points, d);
        int[] expected = new int[1];
        double[] expectedDistance = new double[1];
        int[] actual = new int[1];
        double[] actualDistance = new double[1];
        double[] query = new double[d];
        for (int q = 0; q < 5000; q++) {
            for (int j = 0; j < d; j++) {
                query[j] = random.nextInt(14) / 2.0 - 0.5;
            }
            tree.nearest(query, 0, 1, null, 0, expected, expectedDistance);
            scan.nearest(query, 0, actual, actualDistance);
            assertThat(actual[0]).as("query %d", q).isEqualTo(expected[0]);
            assertThat(actualDistance[0]).isEqualTo(expectedDistance[0]);
        }
    }

    @Test
    void findsTheNearestOfContinuousPointsFarAndNear() {
        SplittableRandom random = new SplittableRandom(12);
        int d = 17;
        double[] points = new double[900 * d];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextGaussian() * (1 + i % d);
        }
        KdTree tree = new KdTree(points, d);
        PrincipalAxesTree scan = new PrincipalAxesTree(points, d);
        int[] found = new int[1];
        double[] squared = new double[1];
        double[] query = new double[d];
        for (int q = 0; q < 2000; q++) {
            for (int j = 0; j < d; j++) {
                query[j] = random.nextGaussian() * (1 + j) * (q % 2 == 0 ? 1 : 5);
            }
            scan.nearest(query, 0, found, squared);
            assertThat(found[0]).isEqualTo(tree.nearest(query, 0));
        }
    }

    /** Fewer dimensions than axes, points on a line, all points equal: the axes degenerate, the answers must not. */
    @Test
    void staysExactOnDegenerateData() {
        SplittableRandom random = new SplittableRandom(13);
        for (int d : new int[] {1, 2, 8}) {
            for (int shape = 0; shape < 3; shape++) {
                double[] points = new double[300 * d];
                for (int i = 0; i < 300; i++) {
                    double t = random.nextDouble();
                    for (int j = 0; j < d; j++) {
                        points[i * d + j] = shape == 0 ? random.nextGaussian() : shape == 1 ? t * (j + 1) : 2.5;
                    }
                }
                KdTree tree = new KdTree(points, d);
                PrincipalAxesTree axes = new PrincipalAxesTree(points, d);
                int[] found = new int[1];
                double[] squared = new double[1];
                double[] query = new double[d];
                for (int q = 0; q < 300; q++) {
                    for (int j = 0; j < d; j++) {
                        query[j] = random.nextGaussian() * 2;
                    }
                    axes.nearest(query, 0, found, squared);
                    assertThat(found[0]).as("d %d shape %d query %d", d, shape, q).isEqualTo(tree.nearest(query, 0));
                }
            }
        }
    }
}
