package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictAgreementTest {

    @Test
    void countsNoiseLikeAnyOtherLabel() {
        assertThat(PredictAgreement.of(new int[] {0, 1, -1, -1}, new int[] {0, 1, -1, 0})).isEqualTo(0.75);
        assertThat(PredictAgreement.of(new int[0], new int[0])).isEqualTo(1.0);
    }

    @Test
    void scoresTheTrainingRowsWithTheRule() {
        NearestCentroidRule rule = new NearestCentroidRule(2, 1, new double[] {0, 10}, new double[] {1, 1});
        // the row at 4 was fitted into segment 1 but lies nearer centroid 0
        assertThat(PredictAgreement.of(rule, new double[] {0, 4, 9, 11}, new int[] {0, 1, 1, 1})).isEqualTo(0.75);
    }

    @Test
    void refusesRowsThatDoNotMatchTheLabels() {
        NearestCentroidRule rule = new NearestCentroidRule(1, 2, new double[] {0, 0}, new double[] {1});
        assertThatThrownBy(() -> PredictAgreement.of(rule, new double[] {0, 0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 1 rows of 2");
    }
}
