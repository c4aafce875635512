package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NearestNeighbourRuleTest {

    /** Two segments on a line: segment 0 has eleven rows at 0, 0.1, ..., 1; segment 1 four at 10, 10.1, 10.2, 10.3. */
    private record Line(double[] points, int[] segments) {
        static Line make() {
            Line line = new Line(new double[15], new int[15]);
            for (int i = 0; i < 15; i++) {
                line.points[i] = i < 11 ? i / 10.0 : 10 + (i - 11) / 10.0;
                line.segments[i] = i < 11 ? 0 : 1;
            }
            return line;
        }
    }

    /** Two interleaved half-moons no centroid can separate, plus a few noise rows far away. */
    private static double[] moons(int n, long seed, int[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rows = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double t = random.nextDouble(0, Math.PI);
            boolean upper = i % 2 == 0;
            rows[2 * i] = upper ? Math.cos(t) : 1 - Math.cos(t);
            rows[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + random.nextDouble(-0.05, 0.05);
            labels[i] = upper ? 0 : 1;
        }
        return rows;
    }

    @Test
    void everyTrainingRowScoresToItsTrainingLabelNoiseIncluded() {
        int[] labels = new int[600];
        double[] rows = moons(600, 1, labels);
        labels[7] = Assignment.NOISE;
        labels[8] = Assignment.NOISE;
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(2, 2, rows, labels, 20_000, 3);
        // condensed: the two moons lie apart, so a few rows along each answer for all of it (and both noise rows stay)
        assertThat(rule.exemplarCount()).isLessThan(60);
        assertThat(rule.labelAll(rows)).containsExactly(labels);
        Assignments all = rule.assignAll(rows);
        double[] exemplars = rule.exemplars();
        int stored = 0;
        for (int i = 0; i < 600; i++) {
            assertThat(all.get(i)).isEqualTo(rule.assign(Arrays.copyOfRange(rows, 2 * i, 2 * i + 2)));
            assertThat(all.segment(i)).isEqualTo(labels[i]);
            if (isExemplar(exemplars, rows[2 * i], rows[2 * i + 1])) {
                stored++;
                assertThat(all.distance(i)).isZero();
            }
        }
        assertThat(stored).isEqualTo(rule.exemplarCount());
        assertThat(all.get(7).outlier()).isTrue();
        assertThat(all.get(7).confidence()).isZero();
        assertThat(all.get(0).outlier()).isFalse();
    }

    private static boolean isExemplar(double[] exemplars, double x, double y) {
        for (int e = 0; e < exemplars.length; e += 2) {
            if (exemplars[e] == x && exemplars[e + 1] == y) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNewRowJoinsTheSegmentOfItsNearestTrainingRowNotOfTheNearestCentroid() {
        int[] labels = new int[800];
        double[] rows = moons(800, 2, labels);
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(2, 2, rows, labels, 20_000, 3);
        // the right tip of the upper moon, near (1, 0), is 0.19 from the lower moon's centroid (1, -0.14) and 1.15
        // from its own (0, 0.64): a centroid rule would give it to the lower moon
        Assignment tip = rule.assign(new double[] {0.99, 0.05});
        assertThat(tip.segment()).isZero();
        assertThat(tip.distance()).isLessThan(0.1);
        assertThat(tip.confidence()).isBetween(0.0, 1.0);
        Assignment far = rule.assign(new double[] {10, 10});
        assertThat(far.outlier()).isTrue();
        assertThat(far.distance()).isGreaterThan(8);
    }

    @Test
    void aboveTheCapAStratifiedSampleKeepsEverySegment() {
        int n = 5000;
        double[] rows = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            labels[i] = i < 3 ? 2 : i < 4 ? Assignment.NOISE : i % 2;
        }
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(3, 1, rows, labels, 500, 7);
        // the sample alternates labels almost row by row, so condensing keeps nearly every sampled row
        assertThat(rule.exemplarCount()).isBetween(300, 503);
        assertThat(rule.exemplarSegments()).contains(0, 1, 2, Assignment.NOISE);
        assertThat(NearestNeighbourRule.fromTraining(3, 1, rows, labels, 500, 7)).isEqualTo(rule);
        assertThat(rule.labelAll(new double[] {0, 3})).containsExactly(2, Assignment.NOISE);
    }

    @Test
    void confidenceAndOutlierFollowTheDistancesToTheNearestExemplars() {
        Line line = Line.make();
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(2, 1, line.points(), line.segments(), 100, 1);
        Assignment a = rule.assign(new double[] {2.5});
        assertThat(a.segment()).isZero();
        assertThat(a.distance()).isCloseTo(1.5, within(1e-12));
        assertThat(a.confidence()).isEqualTo(1.0); // the ten nearest exemplars of the one at 1 are all segment 0's
        assertThat(a.outlier()).isTrue(); // 1.5 from it, where segment 0's exemplars lie 0.1 apart
        assertThat(rule.assign(new double[] {1.05}).outlier()).isFalse();
        Assignment between = rule.assign(new double[] {9.5});
        assertThat(between.segment()).isEqualTo(1);
        assertThat(between.confidence()).isEqualTo(0.4); // four of the ten nearest to the exemplar at 10 are segment 1's
    }

    @Test
    void condensingKeepsTheBorderRowsAndMeasuresRadiiAndConfidencesOnEveryTrainingRow() {
        Line line = Line.make();
        double[] points = line.points();
        int[] segments = line.segments();
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(2, 1, points, segments, 100, 1);
        // the rows nearest the other segment come first and answer for all the others
        assertThat(rule.exemplars()).containsExactly(1.0, 10.0);
        assertThat(rule.labelAll(points)).containsExactly(segments);
        // radius: the 99th percentile of the training rows' distances to their nearest exemplar (1.0 for the row at 0,
        // 0.3 for the row at 10.3), never below the spacing of the segment's rows (0.1)
        assertThat(rule.outlierRadius()).containsExactly(new double[] {1.0, 0.3}, within(1e-12));
        // confidence: the mean over the rows an exemplar answers for of each one's 10-nearest share (1 in segment 0,
        // 4 of 10 in segment 1)
        assertThat(rule.exemplarConfidence()).containsExactly(new double[] {1.0, 0.4}, within(1e-12));
        Assignment farthestTrainingRow = rule.assign(new double[] {0});
        assertThat(farthestTrainingRow.distance()).isCloseTo(1.0, within(1e-12));
        assertThat(farthestTrainingRow.outlier()).isFalse();
        assertThat(rule.assign(new double[] {-0.2}).outlier()).isTrue();
    }

    /** Random labels on random points: no shape to follow, so condensing must keep many rows and still answer all. */
    private static double[] scattered(int n, long seed, int[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rows = new double[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[3 * i + j] = random.nextDouble();
            }
            labels[i] = random.nextInt(4) - 1;
        }
        return rows;
    }

    @Test
    void condensingAnswersEveryTrainingRowEvenWithoutStructure() {
        int[] labels = new int[3000];
        double[] rows = scattered(3000, 5, labels);
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(3, 3, rows, labels, 20_000, 1);
        assertThat(rule.exemplarCount()).isBetween(1000, 2999);
        assertThat(rule.labelAll(rows)).containsExactly(labels);
    }

    @Test
    void condensingIsDeterministicAndIndependentOfTheThreadCount() throws Exception {
        int[] labels = new int[3000];
        double[] rows = scattered(3000, 6, labels);
        NearestNeighbourRule parallel = NearestNeighbourRule.fromTraining(3, 3, rows, labels, 20_000, 1);
        assertThat(NearestNeighbourRule.fromTraining(3, 3, rows, labels, 20_000, 1)).isEqualTo(parallel);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            NearestNeighbourRule sequential = one.submit(() -> NearestNeighbourRule.fromTraining(3, 3, rows, labels,
                    20_000, 1)).get();
            assertThat(sequential).isEqualTo(parallel);
            assertThat(sequential.exemplarConfidence()).containsExactly(parallel.exemplarConfidence());
        } finally {
            one.shutdown();
        }
    }

    @Test
    void relabellingRenamesSegmentsAndKeepsNoise() {
        NearestNeighbourRule rule = new NearestNeighbourRule(2, 1, new double[] {0, 5, 10}, new int[] {0, -1, 1},
                new double[] {1, 2}, new double[] {1, 0, 0.5});
        NearestNeighbourRule renamed = rule.relabel(new int[] {1, 0});
        assertThat(renamed.labelAll(new double[] {0, 5, 10})).containsExactly(1, -1, 0);
        assertThat(renamed.outlierRadius()).containsExactly(2, 1);
        assertThat(renamed.assign(new double[] {10}).confidence()).isEqualTo(0.5);
    }

    @Test
    void refusesInconsistentExemplarsByName() {
        assertThatThrownBy(() -> new NearestNeighbourRule(3, 1, new double[] {0, 1}, new int[] {0, 1}, new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment 2 has no exemplar");
        assertThatThrownBy(() -> new NearestNeighbourRule(1, 2, new double[] {0, 1, 2}, new int[] {0}, new double[1], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exemplar values");
        assertThatThrownBy(() -> new NearestNeighbourRule(1, 1, new double[] {0}, new int[] {1}, new double[1], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside -1..0");
        assertThatThrownBy(() -> new NearestNeighbourRule(1, 1, new double[] {Double.NaN}, new int[] {0}, new double[1], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> new NearestNeighbourRule(1, 1, new double[] {0}, new int[] {0}, new double[1], new double[] {1.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidences must lie in [0, 1]");
    }
}
