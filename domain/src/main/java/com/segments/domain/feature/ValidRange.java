package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Treats a value outside its column's plausible range as missing (so that imputation replaces it): a birth year of
 * 1893 or an income of 666666 is an error in the data, not a customer. Unbounded sides are infinite.
 */
public record ValidRange(double[] lower, double[] upper) implements FittedStep {

    public ValidRange {
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
     * The plausible ranges the options declare ({@code valid: [low, high]}), or {@code null} when no column has one.
     * Notes how many values of {@code raw} each range turns into missing ones.
     */
    public static ValidRange fit(DataMatrix raw, java.util.List<String> names,
                                 java.util.List<FeatureSpec.NumericOptions> options, FitNotes notes) {
        int w = raw.columns();
        double[] lower = new double[w];
        double[] upper = new double[w];
        boolean any = false;
        for (int j = 0; j < w; j++) {
            FeatureSpec.NumericOptions o = options.get(j);
            lower[j] = o == null || o.validMin() == null ? Double.NEGATIVE_INFINITY : o.validMin();
            upper[j] = o == null || o.validMax() == null ? Double.POSITIVE_INFINITY : o.validMax();
            any |= o != null && (o.validMin() != null || o.validMax() != null);
        }
        if (!any) {
            return null;
        }
        ValidRange range = new ValidRange(lower, upper);
        double[] x = raw.rowMajorView();
        for (int j = 0; j < w; j++) {
            long rejected = 0;
            for (int i = j; i < x.length; i += w) {
                rejected += range.rejects(j, x[i]) ? 1 : 0;
            }
            if (rejected > 0) {
                notes.note(names.get(j), rejected + " value(s) outside [" + Steps.bound(lower[j]) + ", "
                        + Steps.bound(upper[j]) + "] read as missing");
            }
        }
        return range;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** True when the value is present and outside the column's range. */
    public boolean rejects(int column, double value) {
        return value < lower[column] || value > upper[column];
    }

    @Override
    public int inputWidth() {
        return lower.length;
    }

    @Override
    public double[] apply(double[] row) {
        for (int j = 0; j < lower.length; j++) {
            if (row[j] < lower[j] || row[j] > upper[j]) {
                row[j] = Double.NaN;
            }
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidRange other && Arrays.equals(lower, other.lower) && Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "ValidRange[" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + "]";
    }
}
