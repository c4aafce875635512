package com.segments.domain.feature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "0x1p3", "1,5", "Infinity", "-Infinity", "NaN", "1e", "e5", ".", "+", "1.2.3",
            "12a", "--1", "1e400", "١٢", "１"})
    void refusesWhatIsNotAPlainFiniteDecimal(String text) {
        assertThat(NumberText.parse(text)).isNaN();
    }

    @Test
    void readsPlainDecimalsWithSpacesAround() {
        assertThat(NumberText.parse(" 7 ")).isEqualTo(7.0);
        assertThat(NumberText.parse("1e3")).isEqualTo(1000.0);
        assertThat(NumberText.parse(".5")).isEqualTo(0.5);
        assertThat(NumberText.parse("5.")).isEqualTo(5.0);
        assertThat(NumberText.parse("+3.25E-2")).isEqualTo(0.0325);
        assertThat(NumberText.parse("-0")).isEqualTo(-0.0);
        assertThat(NumberText.parse("000123.4500")).isEqualTo(123.45);
    }

    @Test
    void everyValueEqualsTheJdksToTheLastBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 4) {
                case 0 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 1e6);
                case 2 -> random.nextInt(1_000_000) + "." + random.nextInt(100);
                default -> String.format(java.util.Locale.ROOT, "%.17g", random.nextDouble() * Math.pow(10, random.nextInt(30)));
            };
            assertThat(NumberText.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void missingSpellingsAreMissingAndNothingElse() {
        for (String missing : new String[] {"", "  ", "NA", "n/a", "NaN", "null", "None", "-"}) {
            assertThat(NumberText.isMissing(missing)).as(missing).isTrue();
        }
        for (String present : new String[] {"0", "N", "nan1", "--", "none!"}) {
            assertThat(NumberText.isMissing(present)).as(present).isFalse();
        }
    }
}
