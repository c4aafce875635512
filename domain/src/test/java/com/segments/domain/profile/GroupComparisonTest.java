package com.segments.domain.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GroupComparisonTest {

    @Test
    void theChiSquareTailMatchesKnownQuantiles() {
        // scipy.stats.chi2.sf: (3.841458820694124, 1) -> 0.05; (15.50731305586545, 8) -> 0.05; (20.09023509, 8) -> 0.01
        assertThat(ChiSquareDistribution.survival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
        assertThat(ChiSquareDistribution.survival(15.50731305586545, 8)).isCloseTo(0.05, within(1e-9));
        assertThat(ChiSquareDistribution.survival(20.090235029663233, 8)).isCloseTo(0.01, within(1e-9));
        // P(X > 0.5), df = 3, by the series with Python's math.lgamma: 0.9188914116546758
        assertThat(ChiSquareDistribution.survival(0.5, 3)).isCloseTo(0.9188914116546758, within(1e-12));
    }

    @Test
    void aGroupWithoutASegmentAndAGroupRichInOneAreFound() {
        // 300 customers per group; group C has no segment-1 customers, group B has many segment-0 ones
        int[][] mix = {{100, 100, 100}, {200, 50, 50}, {150, 0, 150}};
        String[] groupNames = {"Bank A", "Bank B", "Bank C"};
        int n = 900;
        String[] groups = new String[n];
        int[] segments = new int[n];
        int i = 0;
        for (int g = 0; g < 3; g++) {
            for (int s = 0; s < 3; s++) {
                for (int c = 0; c < mix[g][s]; c++) {
                    groups[i] = groupNames[g];
                    segments[i++] = s;
                }
            }
        }
        GroupComparison comparison = GroupComparison.of("bank", groups, segments, List.of("Diners", "Shoppers", "Savers"));
        assertThat(comparison.groups()).containsExactly("Bank A", "Bank B", "Bank C");
        assertThat(comparison.counts()[2][1]).isZero();
        assertThat(comparison.degreesOfFreedom()).isEqualTo(4);
        // expected counts are 150/50/100 per group: chi-square by hand
        double chi = 0;
        double[] expected = {150, 50, 100};
        for (int[] row : mix) {
            for (int s = 0; s < 3; s++) {
                chi += (row[s] - expected[s]) * (row[s] - expected[s]) / expected[s];
            }
        }
        assertThat(comparison.chiSquare()).isCloseTo(chi, within(1e-9));
        assertThat(comparison.pValue()).isLessThan(1e-10);
        assertThat(comparison.findings()).anyMatch(f -> f.startsWith("Bank C has no Shoppers customers (50 expected"))
                .anyMatch(f -> f.startsWith("Bank B has 1.3× the share of Diners customers (66.7% against 50.0% overall)"));
    }

    @Test
    void noDifferenceIsSaidSo() {
        String[] groups = new String[400];
        int[] segments = new int[400];
        for (int i = 0; i < 400; i++) {
            groups[i] = i % 2 == 0 ? "x" : "y";
            segments[i] = (i / 2) % 2;
        }
        GroupComparison comparison = GroupComparison.of("branch", groups, segments, List.of("a", "b"));
        assertThat(comparison.pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(comparison.findings()).singleElement().asString().startsWith("no branch differs");
    }
}
