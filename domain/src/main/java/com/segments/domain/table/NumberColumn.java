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
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
