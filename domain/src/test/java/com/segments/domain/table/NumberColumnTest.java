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

    /** Rounding first where Double.toString writes no exponent writes what writing the shortest decimal first wrote. */
    @Test
    void roundingFirstWritesWhatTheShortestDecimalFirstWrote() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 2_000_000; i++) {
            double v = switch (i % 6) {
                case 0 -> random.nextDouble(); // a share
                case 1 -> Math.round(random.nextDouble() * 1e8) / 100.0 / (1 + random.nextInt(200)); // a mean of cents
                case 2 -> Math.round(random.nextDouble() * 1e9) / 100.0; // a sum of cents
                case 3 -> nearTie(random);
                case 4 -> Math.nextUp(Math.pow(10, random.nextInt(12) - 4)) * (random.nextBoolean() ? 1 : -1);
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(14) - 5);
            };
            assertThat(NumberColumn.format(v)).as("%s", v).isEqualTo(shortestFirst(v));
        }
        assertThat(NumberColumn.format(0.001)).isEqualTo("0.001");
        assertThat(NumberColumn.format(9999999.5)).isEqualTo("9999999.5");
        assertThat(NumberColumn.format(-0.25)).isEqualTo("-0.25");
    }

    /** format as it was before rounding came first: the shortest decimal when it has at most 12 digits. */
    private static String shortestFirst(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String shortest = Double.toString(v);
        long digits = shortest.chars().dropWhile(c -> c == '-' || c == '0' || c == '.').filter(Character::isDigit).count();
        if (shortest.indexOf('E') < 0 && digits <= 12) {
            return shortest;
        }
        String rounded = NumberColumn.roundedTo12Digits(v);
        return rounded != null ? rounded : NumberColumn.exactlyRounded(v);
    }

    /**
     * The double-arithmetic rounding answers only when it is sure: on values near a tie of the twelfth digit, next to
     * powers of ten and at both ends of its range it either gives BigDecimal's text or steps aside (null), and on
     * ordinary shares and sums it answers nearly always.
     */
    @Test
    void roundsWithoutBigDecimalOnlyWhereTheAnswerIsCertain() {
        SplittableRandom random = new SplittableRandom(11);
        int answered = 0;
        int ordinary = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                case 0 -> random.nextDouble(); // a share
                case 1 -> Math.round(random.nextDouble() * 1e8) / 100.0 / (1 + random.nextInt(40)); // a mean of cents
                case 2 -> nearTie(random);
                case 3 -> Math.nextUp(Math.pow(10, random.nextInt(22) - 10)) * (random.nextBoolean() ? 1 : -1);
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 14);
            };
            String fast = NumberColumn.roundedTo12Digits(v);
            if (fast != null) {
                assertThat(fast).as("%s", v).isEqualTo(NumberColumn.exactlyRounded(v));
            }
            if (i % 5 < 2) {
                ordinary++;
                answered += fast != null ? 1 : 0;
            }
        }
        assertThat(answered).as("ordinary values formatted without BigDecimal").isGreaterThan(ordinary * 99 / 100);
        assertThat(NumberColumn.roundedTo12Digits(1.000000000005)).as("a tie at the twelfth digit").isNull();
        assertThat(NumberColumn.format(1.000000000005)).isEqualTo(NumberColumn.exactlyRounded(1.000000000005));
        assertThat(NumberColumn.format(-0.000123456789012345)).isEqualTo("-0.000123456789012");
        assertThat(NumberColumn.format(99999999999.99999)).isEqualTo(NumberColumn.exactlyRounded(99999999999.99999));
    }

    /** A value whose thirteenth significant digit is 5 followed by (nearly) nothing: half-up decides. */
    private static double nearTie(SplittableRandom random) {
        long twelve = 100_000_000_000L + random.nextLong(900_000_000_000L);
        int exponent = random.nextInt(12) - 6;
        return (twelve * 10 + 5) * Math.pow(10, exponent - 12) + (random.nextBoolean() ? 0 : Math.ulp(1.0) * exponent);
    }
}
