package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Replaces a missing value ({@code NaN}) with its column's median over the training rows. The median of an even
 * count is the mean of the two middle values, as pandas and numpy compute it.
 */
public record MedianImputation(double[] medians) implements FittedStep {

    public MedianImputation {
        medians = medians.clone();
        for (int j = 0; j < medians.length; j++) {
            if (!Double.isFinite(medians[j])) {
                throw new IllegalArgumentException("median of column " + j + " is not finite: " + medians[j]);
            }
        }
    }

    /** Fits the medians of each column, ignoring missing values; a column must have at least one value. */
    public static MedianImputation fit(DataMatrix raw, FeatureSchema schema) {
        double[] medians = new double[raw.columns()];
        for (int j = 0; j < medians.length; j++) {
            double[] present = Arrays.stream(raw.column(j)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (present.length == 0) {
                throw new IllegalArgumentException("column '" + schema.features().get(j) + "' has no values to take a median of");
            }
            int mid = present.length / 2;
            medians[j] = present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2.0;
        }
        return new MedianImputation(medians);
    }

    @Override
    public double[] medians() {
        return medians.clone();
    }

    @Override
    public int width() {
        return medians.length;
    }

    @Override
    public void applyInPlace(double[] row) {
        for (int j = 0; j < medians.length; j++) {
            if (Double.isNaN(row[j])) {
                row[j] = medians[j];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MedianImputation other && Arrays.equals(medians, other.medians);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(medians);
    }

    @Override
    public String toString() {
        return "MedianImputation" + Arrays.toString(medians);
    }
}
