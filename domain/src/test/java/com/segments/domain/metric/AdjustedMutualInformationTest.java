package com.segments.domain.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdjustedMutualInformationTest {

    @Test
    void matchesScikitLearnOnSmallCases() {
        // sklearn.metrics.adjusted_mutual_info_score on the same labelings
        assertThat(AdjustedMutualInformation.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(0.5714285714285715, within(1e-12));
        assertThat(AdjustedMutualInformation.of(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 0, 1, 1, 1, 2, 2, 2, 2}))
                .isCloseTo(0.4086705097217217, within(1e-12));
    }

    @Test
    void isOneForTheSamePartitionUnderOtherNames() {
        assertThat(AdjustedMutualInformation.of(new int[] {1, 1, 2, 2, 3}, new int[] {7, 7, 4, 4, 0})).isCloseTo(1.0, within(1e-12));
    }
}
