package com.segments.domain.feature;

import java.util.Arrays;

/**
 * {@code x -> log(1 + x)} on the marked columns, to tame the heavy right skew of money amounts and counts. A
 * negative value (a net refund) keeps its sign: {@code -log(1 + |x|)}, so the transform is defined everywhere and
 * order-preserving; for the non-negative values it is exactly numpy's log1p.
 */
public record Log1p(boolean[] columns) implements FittedStep {

    public Log1p {
        columns = columns.clone();
    }

    @Override
    public boolean[] columns() {
        return columns.clone();
    }

    @Override
    public int inputWidth() {
        return columns.length;
    }

    @Override
    public double[] apply(double[] row) {
        for (int j = 0; j < columns.length; j++) {
            if (columns[j]) {
                double x = row[j];
                row[j] = x >= 0 ? Math.log1p(x) : -Math.log1p(-x);
            }
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Log1p other && Arrays.equals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "Log1p" + Arrays.toString(columns);
    }
}
