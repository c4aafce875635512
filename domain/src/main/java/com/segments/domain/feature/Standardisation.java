package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Scaling: {@code (x - centre) / scale} per column. {@link #fit} centres on the training mean and divides by the
 * population standard deviation (ddof = 0), as scikit-learn's StandardScaler does, including its rule that a
 * column with no spread keeps a scale of 1; robust (median, interquartile range) and min-max scaling, and no
 * scaling (0, 1), are the same step with other fitted numbers.
 */
public record Standardisation(double[] means, double[] scales) implements FittedStep {

    public Standardisation {
        means = means.clone();
        scales = scales.clone();
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means for " + scales.length + " scales");
        }
        for (int j = 0; j < scales.length; j++) {
            if (!(scales[j] > 0) || !Double.isFinite(scales[j]) || !Double.isFinite(means[j])) {
                throw new IllegalArgumentException("column " + j + " has mean " + means[j] + " and scale " + scales[j]);
            }
        }
    }

    /**
     * Fits on complete data (impute first). The variance uses the two-pass form with a rounding correction,
     * the one scikit-learn uses, so fitted values agree with it to the last few bits.
     */
    public static Standardisation fit(DataMatrix complete) {
        int n = complete.rows();
        int d = complete.columns();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise an empty matrix");
        }
        double[] x = complete.rowMajorView();
        double[] means = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                means[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= n;
        }
        double[] sumSquares = new double[d];
        double[] correction = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double delta = x[i * d + j] - means[j];
                correction[j] += delta;
                sumSquares[j] += delta * delta;
            }
        }
        double[] scales = new double[d];
        for (int j = 0; j < d; j++) {
            double variance = (sumSquares[j] - correction[j] * correction[j] / n) / n;
            double scale = Math.sqrt(Math.max(variance, 0));
            // A (numerically) constant column carries no information; scikit-learn leaves it unscaled.
            boolean constant = scale < 10 * Math.ulp(1.0) * Math.max(1.0, Math.abs(means[j]));
            scales[j] = constant ? 1.0 : scale;
        }
        return new Standardisation(means, scales);
    }

    /**
     * Fits each column's scaling as given: standard (as {@link #fit(DataMatrix)}), robust (median and
     * interquartile range), min-max, or none (a {@code null} entry means none: one-hot columns stay 0/1).
     */
    public static Standardisation fit(DataMatrix complete, java.util.List<FeatureSpec.Scale> scaling) {
        Standardisation standard = fit(complete);
        double[] centre = standard.means;
        double[] scale = standard.scales;
        for (int j = 0; j < centre.length; j++) {
            FeatureSpec.Scale how = scaling.get(j) == null ? FeatureSpec.Scale.NONE : scaling.get(j);
            switch (how) {
                case STANDARD -> {
                }
                case NONE -> {
                    centre[j] = 0;
                    scale[j] = 1;
                }
                case ROBUST -> {
                    double[] column = complete.column(j);
                    centre[j] = Quantiles.quantileInPlace(column, 0.5);
                    double iqr = Quantiles.quantileInPlace(column, 0.75) - Quantiles.quantileInPlace(column, 0.25);
                    scale[j] = iqr > 0 ? iqr : 1;
                }
                case MINMAX -> {
                    double[] column = complete.column(j);
                    double min = Steps.min(column);
                    double max = java.util.Arrays.stream(column).max().orElse(0);
                    centre[j] = min;
                    scale[j] = max > min ? max - min : 1;
                }
            }
        }
        return new Standardisation(centre, scale);
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public int inputWidth() {
        return means.length;
    }

    @Override
    public double[] apply(double[] row) {
        for (int j = 0; j < means.length; j++) {
            row[j] = (row[j] - means[j]) / scales[j];
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardisation other && Arrays.equals(means, other.means) && Arrays.equals(scales, other.scales);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "Standardisation[means=" + Arrays.toString(means) + ", scales=" + Arrays.toString(scales) + "]";
    }
}
