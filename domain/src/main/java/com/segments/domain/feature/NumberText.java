package com.segments.domain.feature;

/**
 * The one way a number written as text is read, whatever door it comes through (a CSV cell, a JSON string, an
 * uploaded file, a database value read as text): a finite number in plain decimal notation, an optional sign,
 * digits with at most one point, an optional exponent ({@code -12}, {@code 3.5}, {@code .5}, {@code 1e3}), with
 * spaces around it ignored. Nothing else is a number: not {@code 1d} (Java's float suffix), {@code 0x1p3},
 * {@code 1,5}, {@code Infinity} or {@code NaN}, whose meaning in a customer table is never a number.
 *
 * <p>Values are exactly those of {@link Double#parseDouble}. Short decimals (at most 15 significant digits and a
 * power of ten within 22) take Clinger's exact fast path: both the digits and the power of ten are exact doubles, so
 * one IEEE multiplication or division gives the correctly rounded result; anything longer goes to the JDK.
 */
public final class NumberText {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumberText() {
    }

    /** The spellings of "no value" in exported tables: empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null}, {@code none}, {@code -}. */
    public static boolean isMissing(String text) {
        return isMissing(text.toCharArray(), 0, text.length());
    }

    /** {@link #isMissing(String)} on {@code length} characters of {@code chars} from {@code offset}. */
    public static boolean isMissing(char[] chars, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return switch (end - start) {
            case 0 -> true;
            case 1 -> chars[start] == '-';
            case 2 -> matches(chars, start, "na");
            case 3 -> matches(chars, start, "n/a") || matches(chars, start, "nan");
            case 4 -> matches(chars, start, "null") || matches(chars, start, "none");
            default -> false;
        };
    }

    private static boolean matches(char[] chars, int start, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(chars[start + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The text as a number, or {@code NaN} when it is not one (missing, words, or outside double's range). */
    public static double parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** {@link #parse(String)} on {@code length} characters of {@code chars} from {@code offset}, without copying. */
    public static double parse(char[] chars, int offset, int length) {
        double plain = plainDecimal(chars, offset, offset + length);
        if (plain == plain) { // not NaN: the cell was a plain short decimal
            return plain;
        }
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        if (start == end || end - start > 64) {
            return Double.NaN;
        }
        int i = start;
        boolean negative = chars[i] == '-';
        if (chars[i] == '-' || chars[i] == '+') {
            i++;
        }
        long digits = 0;
        int significant = 0;
        int scale = 0; // the value is digits * 10^scale
        int seen = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                seen++;
                if (digits == 0 && c == '0') {
                    if (point) {
                        scale--; // leading zeros after the point only shift the scale
                    }
                    continue;
                }
                if (significant < 18) {
                    digits = digits * 10 + (c - '0');
                    significant++;
                    if (point) {
                        scale--;
                    }
                } else {
                    significant++;
                    if (!point) {
                        scale++; // digits beyond what a long holds: the JDK path takes over below
                    }
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (seen == 0) {
            return Double.NaN;
        }
        if (i < end) {
            if (chars[i] != 'e' && chars[i] != 'E') {
                return Double.NaN;
            }
            int exponent = exponent(chars, i + 1, end);
            if (exponent == Integer.MIN_VALUE) {
                return Double.NaN;
            }
            scale += exponent;
        }
        double value;
        if (significant <= 15 && scale >= -22 && scale <= 22) {
            // digits < 10^15 < 2^53 and 10^|scale| are exact doubles: one IEEE operation rounds correctly
            value = scale >= 0 ? digits * POWERS_OF_TEN[scale] : digits / POWERS_OF_TEN[-scale];
        } else {
            value = Double.parseDouble(new String(chars, start, end - start)); // the grammar above is a subset of the JDK's
        }
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        return negative ? -Math.abs(value) : value;
    }

    /**
     * The common cell, a sign, at most 15 digits and at most one point, nothing else (no blank, no exponent), in one
     * pass: the same single IEEE operation as the general path below (leading and trailing zeros change neither the
     * digits' value nor the scale it is divided by), so the same bits. NaN for anything else, which the general path
     * then reads.
     */
    private static double plainDecimal(char[] chars, int from, int end) {
        int i = from;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1; // digits after the point; -1 until a point is seen
        for (; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit >= 0 && digit <= 9) {
                digits = digits * 10 + digit;
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (chars[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || count > 15) {
            return Double.NaN;
        }
        double value = fraction <= 0 ? digits * POWERS_OF_TEN[0] : digits / POWERS_OF_TEN[fraction];
        return negative ? -Math.abs(value) : value;
    }

    /** The exponent's digits after {@code e}, or {@code Integer.MIN_VALUE} when they are not an exponent. */
    private static int exponent(char[] chars, int from, int end) {
        int i = from;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        if (i == end) {
            return Integer.MIN_VALUE;
        }
        int exponent = 0;
        for (; i < end; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            exponent = Math.min(exponent * 10 + (c - '0'), 100_000); // far beyond double's range either way
        }
        return negative ? -exponent : exponent;
    }
}
