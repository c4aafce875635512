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

    /**
     * Fits each column's bounds as its options say (winsorising at quantiles, or the interquartile fences) on
     * complete data, or returns {@code null} when no column asks for it. Notes how many values each bound clips.
     */
    public static Clipping fit(DataMatrix complete, java.util.List<String> names,
                               java.util.List<FeatureSpec.NumericOptions> options, FitNotes notes) {
        int w = complete.columns();
        double[] low = new double[w];
        double[] high = new double[w];
        boolean any = false;
        for (int j = 0; j < w; j++) {
            low[j] = Double.NEGATIVE_INFINITY;
            high[j] = Double.POSITIVE_INFINITY;
            FeatureSpec.NumericOptions o = options.get(j);
            if (o == null || o.outliers() == FeatureSpec.Outliers.NONE) {
                continue;
            }
            double[] column = complete.column(j);
            boolean winsorize = o.outliers() == FeatureSpec.Outliers.WINSORIZE;
            if (winsorize) {
                low[j] = Quantiles.quantileInPlace(column, o.lowerQuantile());
                high[j] = Quantiles.quantileInPlace(column, o.upperQuantile());
            } else {
                double q1 = Quantiles.quantileInPlace(column, 0.25);
                double q3 = Quantiles.quantileInPlace(column, 0.75);
                low[j] = q1 - o.iqrFactor() * (q3 - q1);
                high[j] = q3 + o.iqrFactor() * (q3 - q1);
            }
            long clipped = 0;
            for (double v : column) {
                clipped += v < low[j] || v > high[j] ? 1 : 0;
            }
            notes.note(names.get(j), String.format(java.util.Locale.ROOT, "%s: %d value(s) clipped to [%s, %s]",
                    winsorize ? "winsorised" : "IQR fences", clipped, Steps.format(low[j]), Steps.format(high[j])));
            any = true;
        }
        return any ? new Clipping(low, high) : null;
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
