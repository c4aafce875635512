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

    /**
     * Marks the columns to transform, or returns {@code null} when none: {@code log1p} always; {@code auto} when a
     * number column is non-negative and right-skewed (skewness above {@value #SKEWED}). A number column left as it
     * is but very skewed gets a note suggesting log1p.
     *
     * @param numbers which columns hold plain numbers (dates and ordinal levels are never transformed by {@code auto})
     */
    public static Log1p fit(DataMatrix complete, java.util.List<String> names,
                            java.util.List<FeatureSpec.NumericOptions> options, boolean[] numbers, FitNotes notes) {
        int w = complete.columns();
        boolean[] log = new boolean[w];
        boolean any = false;
        for (int j = 0; j < w; j++) {
            FeatureSpec.NumericOptions o = options.get(j);
            if (o == null) {
                continue;
            }
            if (o.transform() == FeatureSpec.Transform.LOG1P) {
                log[j] = true;
                notes.note(names.get(j), "log1p");
            } else if (numbers[j]) {
                double[] column = complete.column(j);
                double skew = Steps.skewness(column);
                boolean nonNegative = Steps.min(column) >= 0;
                if (o.transform() == FeatureSpec.Transform.AUTO && nonNegative && skew > SKEWED) {
                    log[j] = true;
                    notes.note(names.get(j), String.format(java.util.Locale.ROOT,
                            "log1p (auto: skewness %.1f, no negative values)", skew));
                } else if (o.transform() == FeatureSpec.Transform.NONE && nonNegative && skew > 2 * SKEWED) {
                    notes.note(names.get(j), String.format(java.util.Locale.ROOT,
                            "right-skewed (skewness %.1f): consider transform: log1p", skew));
                }
            }
            any |= log[j];
        }
        return any ? new Log1p(log) : null;
    }

    /** Skewness above which a non-negative column counts as right-skewed. */
    public static final double SKEWED = 1.0;

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
