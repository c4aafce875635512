package com.segments.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionGateTest {

    private final ModelMetrics metrics = new ModelMetrics(1, 0.4, 100, 0, 0.7, 1900);

    @Test
    void aMinimumAgreementRefusesARuleThatScoresTheTrainingRowsDifferently() {
        PromotionGate gate = new PromotionGate(Double.NaN, Double.NaN, Double.NaN, 0, 0.995);
        assertThat(gate.refusal(metrics, 0.86)).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("not promoted: prediction agrees with 86.00% of the training labels, below the minimum 99.50%"));
        assertThat(gate.refusal(metrics, 0.995)).isEmpty();
        assertThat(gate.refusal(metrics, 1.0)).isEmpty();
        assertThat(gate.refusal(metrics)).hasValueSatisfying(r -> assertThat(r).contains("agreement was not measured"));
    }

    @Test
    void withoutAMinimumAgreementIsNotChecked() {
        assertThat(PromotionGate.OPEN.refusal(metrics, 0.1)).isEmpty();
        assertThat(new PromotionGate(0.3, Double.NaN, Double.NaN, 0).refusal(metrics, 0.1)).isEmpty();
    }

    @Test
    void refusesAMinimumOutsideZeroToOne() {
        assertThatThrownBy(() -> new PromotionGate(Double.NaN, Double.NaN, Double.NaN, 0, 99.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction agreement")
                .hasMessageContaining("99.5");
    }
}
