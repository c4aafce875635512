package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Clips each value into bounds fitted on the training data (winsorising at quantiles, or the interquartile
 * range fences), so that a few extreme customers do not pull the centroids. Unbounded sides are infinite.
 */
public record Clipping(double[] lower, double[] upper) implements FittedStep {

    public Clipping {
        lower = lower.clone();
        upper = upper.clone();
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(lower.length + " lower bounds for " + upper.length + " upper bounds");
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] <= upper[j])) {
                throw new IllegalArgumentException("column " + j + " has range [" + lower[j] + ", " + upper[j] + "]");
            }
        }
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public int inputWidth() {
        return lower.length;
    }

    @Override
    public double[] apply(double[] row) {
        for (int j = 0; j < lower.length; j++) {
            if (row[j] < lower[j] || row[j] > upper[j]) {
                row[j] = row[j] < lower[j] ? lower[j] : upper[j];
            }
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clipping other && Arrays.equals(lower, other.lower) && Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Clipping[" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + "]";
    }
}
