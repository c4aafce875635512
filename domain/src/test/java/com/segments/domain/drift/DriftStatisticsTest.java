package com.segments.domain.drift;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known answers from scipy 1.17 ({@code benchmarks/scripts/drift_known_answers.py}). */
class DriftStatisticsTest {

    private static final double[] U = {0.0, 1.0, 3.0, 3.0, 4.5, 7.25, 10.0, -2.0, 0.5, 0.5};
    private static final double[] V = {1.0, 1.5, 2.0, 6.0, 9.0, 9.0, 12.0, -1.0};

    @Test
    void psiWithAnEmptyBinAsScriptedInNumpy() {
        assertEquals(0.6064552454097879, DriftStatistics.psi(new double[] {0.1, 0.2, 0.3, 0.4, 0.0},
                new double[] {0.25, 0.25, 0.25, 0.2, 0.05}), 1e-12);
        assertEquals(0.0, DriftStatistics.psi(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}));
    }

    @Test
    void wassersteinAndKsEqualScipysOnSamplesWithTies() {
        assertEquals(2.2125000000000004, DriftStatistics.wasserstein(U, V), 1e-12);
        assertEquals(2.2125000000000004, DriftStatistics.wasserstein(V, U), 1e-12);
        assertEquals(0.3, DriftStatistics.ks(U, V), 1e-12);
        assertEquals(0.0, DriftStatistics.ks(U, U));
        assertEquals(0.0, DriftStatistics.wasserstein(U, U));
    }

    @Test
    void chiSquareEqualsScipys() {
        assertEquals(5.2, DriftStatistics.chiSquare(new long[] {30, 14, 34, 45, 57},
                new double[] {0.2, 0.1, 0.2, 0.25, 0.25}), 1e-12);
    }

    @Test
    void binsAreRightClosedAndRepeatedEdgesKeepTheirValuesInTheFirstBin() {
        double[] edges = {0, 0, 0, 12, 40};
        assertEquals(0, DriftStatistics.bin(edges, -3));
        assertEquals(0, DriftStatistics.bin(edges, 0));
        assertEquals(3, DriftStatistics.bin(edges, 5));
        assertEquals(3, DriftStatistics.bin(edges, 12));
        assertEquals(5, DriftStatistics.bin(edges, 41));
    }

    @Test
    void anEmptyOrNonFiniteSampleIsRefusedByName() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DriftStatistics.ks(new double[0], V));
        assertEquals("the first sample is empty", empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DriftStatistics.wasserstein(U, new double[] {1, Double.NaN}));
        assertEquals("the second sample holds a value that is not a finite number", nan.getMessage());
    }
}
