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
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 12) {
            // The shortest decimal that reads back as v is within half an ulp of v's exact value, far closer than
            // half a unit of the 12th digit, so rounding the exact value to 12 digits gives this same decimal.
            return shortest;
        }
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
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
