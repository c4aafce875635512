package com.segments.algorithms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Known answers from scipy 1.17 ({@code benchmarks/scripts/drift_known_answers.py}). */
class HipparchusSignificanceTestsTest {

    private final HipparchusSignificanceTests tests = new HipparchusSignificanceTests();

    @Test
    void ksAsymptoticPValueEqualsScipys() {
        assertThat(tests.ksPValue(0.16666666666666666, 300, 500)).isCloseTo(5.9858956615351225e-05, within(1e-9));
    }

    @Test
    void chiSquareSurvivalEqualsScipys() {
        assertThat(tests.chiSquarePValue(7.5, 3)).isCloseTo(0.0575584519726364, within(1e-9));
        assertThat(tests.chiSquarePValue(30.2, 9)).isCloseTo(0.00040563111935916187, within(1e-9));
    }

    @Test
    void emptySamplesAndNoDegreesOfFreedomAreRefused() {
        assertThatThrownBy(() -> tests.ksPValue(0.1, 0, 5)).hasMessageContaining("two non-empty samples");
        assertThatThrownBy(() -> tests.chiSquarePValue(1, 0)).hasMessageContaining("at least one degree of freedom");
    }
}
