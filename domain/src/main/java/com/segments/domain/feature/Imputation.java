package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Replaces a missing value ({@code NaN}) with a value fitted per column: its median, its mean or a constant.
 * The median of an even count is the mean of the two middle values, as pandas and numpy compute it.
 */
public record Imputation(double[] values) implements FittedStep {

    public Imputation {
        values = values.clone();
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException("fill value of column " + j + " is not finite: " + values[j]);
            }
        }
    }

    /** Fits the medians of each column, ignoring missing values; a column must have at least one value. */
    public static Imputation fit(DataMatrix raw, FeatureSchema schema) {
        double[] medians = new double[raw.columns()];
        for (int j = 0; j < medians.length; j++) {
            medians[j] = median(raw.column(j));
            if (Double.isNaN(medians[j])) {
                throw new IllegalArgumentException("column '" + schema.features().get(j) + "' has no values to take a median of");
            }
        }
        return new Imputation(medians);
    }

    /** The median of the present values, or NaN when there are none. */
    public static double median(double[] column) {
        double[] present = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2.0;
    }

    /** The mean of the present values, or NaN when there are none. */
    public static double mean(double[] column) {
        return Arrays.stream(column).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public int inputWidth() {
        return values.length;
    }

    @Override
    public double[] apply(double[] row) {
        for (int j = 0; j < values.length; j++) {
            if (Double.isNaN(row[j])) {
                row[j] = values[j];
            }
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Imputation other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Imputation" + Arrays.toString(values);
    }
}
