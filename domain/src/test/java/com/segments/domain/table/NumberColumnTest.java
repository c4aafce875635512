package com.segments.domain.table;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NumberColumnTest {

    @Test
    void formatsWholeNumbersAndMissing() {
        assertThat(NumberColumn.format(Double.NaN)).isEmpty();
        assertThat(NumberColumn.format(42)).isEqualTo("42");
        assertThat(NumberColumn.format(-3)).isEqualTo("-3");
        assertThat(NumberColumn.format(3028.15)).isEqualTo("3028.15");
        assertThat(NumberColumn.format(0.1 + 0.2)).isEqualTo("0.3");
    }

    /** The fast path must write exactly what rounding the exact binary value to 12 digits writes. */
    @Test
    void writesWhatTwelveSignificantDigitsOfTheExactValueWrite() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble() * 1e7) / 100.0;
                case 1 -> random.nextDouble() * 1e-4;
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1000.0 / 7.0;
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 6);
            };
            if (v == Math.rint(v)) {
                continue;
            }
            String exact = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
            assertThat(NumberColumn.format(v)).as("%s", v).isEqualTo(exact);
        }
    }
}
