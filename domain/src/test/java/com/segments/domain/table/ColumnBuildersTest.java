package com.segments.domain.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnBuildersTest {

    @Test
    void numbersKeepEveryValueWhetherTheyFillTheirCapacityOrGrowPastIt() {
        for (int capacity : new int[] {1, 3, 5, 8}) {
            ColumnBuilders.Numbers numbers = new ColumnBuilders.Numbers(capacity);
            for (int i = 0; i < 5; i++) {
                numbers.add(i == 2 ? Double.NaN : i * 1.5);
            }
            NumberColumn column = numbers.build("x");
            assertThat(column.values()).as("capacity %d", capacity).containsExactly(0, 1.5, Double.NaN, 4.5, 6);
            assertThat(column.name()).isEqualTo("x");
        }
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new ColumnBuilders.Numbers(0)).hasMessageContaining("at least 1, got 0");
    }
}
