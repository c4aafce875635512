package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NearestExemplarRuleTest {

    /** Segment 0 has exemplars at 0 and 2 (reach 1), segment 1 one at 10 (reach 3). */
    private final NearestExemplarRule rule = new NearestExemplarRule(2, 1, new double[] {0, 2, 10},
            new int[] {0, 0, 1}, new double[] {1, 1, 3});

    @Test
    void withinReachJoinsTheNearestExemplarsSegment() {
        Assignment a = rule.assign(new double[] {2.5});
        assertThat(a.segment()).isZero();
        assertThat(a.distance()).isEqualTo(0.5);
        assertThat(a.confidence()).isEqualTo(1 - 0.5 / 7.5);
        assertThat(a.outlier()).isFalse();
    }

    @Test
    void beyondEveryReachIsNoise() {
        Assignment a = rule.assign(new double[] {5});
        assertThat(a.isNoise()).isTrue();
        assertThat(a.segment()).isEqualTo(Assignment.NOISE);
        assertThat(a.confidence()).isZero();
        assertThat(a.outlier()).isTrue();
        assertThat(rule.labelAll(new double[] {0, 5, 11})).containsExactly(0, Assignment.NOISE, 1);
    }

    @Test
    void everySegmentNeedsAnExemplar() {
        assertThatThrownBy(() -> new NearestExemplarRule(3, 1, new double[] {0, 1}, new int[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoringManyRowsGivesEachRowItsOwnAnswerNoiseIncluded() {
        Assignments all = rule.assignAll(new double[] {2.5, 5, 11});
        assertThat(all.get(0)).isEqualTo(rule.assign(new double[] {2.5}));
        assertThat(all.get(1)).isEqualTo(rule.assign(new double[] {5}));
        assertThat(all.segment(1)).isEqualTo(Assignment.NOISE);
        assertThat(all.get(2)).isEqualTo(rule.assign(new double[] {11}));
    }
}
