package com.segments.domain.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Numbers, {@code NaN} where missing. Also holds dates (as day numbers) and the raw values a field reads.
 *
 * @param values one per row; the column owns the array
 */
public record NumberColumn(String name, double[] values) implements TableColumn {

    public NumberColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public String text(int row) {
        return format(values[row]);
    }

    /**
     * A number as files show it: whole numbers without a point, others to 12 significant digits (sums of cents
     * print as 3028.15, not 3028.150000000001); {@code ""} for missing.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            // Double.toString writes these without an exponent, and the shortest decimal that reads back as v, when
            // it has at most 12 significant digits, is v rounded to 12 digits (below); so rounding gives the text
            // either way, without writing the shortest decimal first (profiles format millions of means and shares).
            String rounded = roundedTo12Digits(v);
            if (rounded != null) {
                return rounded;
            }
        }
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 12) {
            // The shortest decimal that reads back as v is within half an ulp of v's exact value, far closer than
            // half a unit of the 12th digit, so rounding the exact value to 12 digits gives this same decimal.
            return shortest;
        }
        String rounded = roundedTo12Digits(v);
        return rounded != null ? rounded : exactlyRounded(v);
    }

    /** v's exact binary value rounded to 12 significant digits (half up), trailing zeros dropped, never in E notation. */
    static String exactlyRounded(double v) {
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power; // exact: every power of ten up to 1e22 is a double
            power *= 10;
        }
    }

    /**
     * {@link #exactlyRounded} without BigDecimal (which expands v's binary value to some fifty digits), or null when
     * the double arithmetic cannot decide: |v| scaled by an exact power of ten to twelve digits before the point is
     * one correctly rounded product, off from the exact product by at most 1.2e-4; unless its fraction lies within
     * 1e-3 of one half, rounding it gives the same twelve digits as rounding the exact value. Writing profiles
     * formats millions of such numbers (sums of cents, means, shares), which made BigDecimal a quarter of the time.
     */
    static String roundedTo12Digits(double v) {
        double magnitude = Math.abs(v);
        if (!(magnitude >= 1e-10 && magnitude < 1e11)) {
            return null;
        }
        int scale = 11 - (int) Math.floor(Math.log10(magnitude)); // digits after the point
        double scaled = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (scale < 0 || scale >= POWERS_OF_TEN.length) {
                return null;
            }
            scaled = magnitude * POWERS_OF_TEN[scale];
            if (scaled < 1e11) {
                scale++;
            } else if (scaled >= 1e12) {
                scale--;
            } else {
                break;
            }
        }
        if (!(scaled >= 1e11 && scaled < 1e12)) {
            return null;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-3) {
            return null;
        }
        long digits = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (digits >= 1_000_000_000_000L) {
            return null; // rounded up to thirteen digits: one digit fewer after the point, rare enough to leave
        }
        return plain(v < 0, digits, scale);
    }

    /** {@code digits} x 10^-scale as plain text, trailing zeros after the point dropped. */
    private static String plain(boolean negative, long digits, int scale) {
        while (scale > 0 && digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        String text = Long.toString(digits);
        StringBuilder out = new StringBuilder(text.length() + scale + 3);
        if (negative) {
            out.append('-');
        }
        if (scale <= 0) {
            out.append(text);
            out.repeat('0', -scale);
        } else if (scale < text.length()) {
            out.append(text, 0, text.length() - scale).append('.').append(text, text.length() - scale, text.length());
        } else {
            out.append("0.");
            out.repeat('0', scale - text.length());
            out.append(text);
        }
        return out.toString();
    }

    private static int significantDigits(String plain) {
        int count = 0;
        boolean leading = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= '1' && c <= '9' || c == '0' && !leading) {
                count++;
                leading = false;
            }
        }
        return count;
    }
}
