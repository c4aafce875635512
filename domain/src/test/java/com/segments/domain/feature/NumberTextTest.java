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
            String text = switch (i % 5) {
                case 4 -> shortDecimal(random);
                case 0 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 1e6);
                case 2 -> random.nextInt(1_000_000) + "." + random.nextInt(100);
                default -> String.format(java.util.Locale.ROOT, "%.17g", random.nextDouble() * Math.pow(10, random.nextInt(30)));
            };
            assertThat(NumberText.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    /**
     * A sign or none, 1 to 17 digits (so both sides of the 15-digit one-operation path), leading and trailing zeros,
     * a point anywhere or nowhere: the cells a CSV export writes.
     */
    private static String shortDecimal(SplittableRandom random) {
        StringBuilder text = new StringBuilder(switch (random.nextInt(3)) {
            case 0 -> "-";
            case 1 -> "+";
            default -> "";
        });
        int digits = 1 + random.nextInt(17);
        int point = random.nextInt(digits + 2) - 1; // -1: no point; digits: a trailing point
        for (int d = 0; d < digits; d++) {
            if (d == point) {
                text.append('.');
            }
            text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
        }
        if (point == digits) {
            text.append('.');
        }
        return text.toString();
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
