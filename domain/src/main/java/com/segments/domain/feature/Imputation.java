package com.segments.domain.feature;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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

    /**
     * Fits each column's fill value as its options say (median, mean or a constant); a column without options (a
     * one-hot code, never missing) is filled with 0. Notes how many values each column misses.
     *
     * @throws com.segments.domain.SegmentsException naming a column that has no value to take a median or mean of
     */
    public static Imputation fit(DataMatrix x, List<String> names, List<FeatureSpec.NumericOptions> options,
                                 FitNotes notes) {
        double[] fill = new double[x.columns()];
        long[] missing = new long[x.columns()];
        // Columns are fitted in parallel (a median selects over a million values); notes and errors follow in order.
        IntStream.range(0, fill.length).parallel().filter(j -> options.get(j) != null).forEach(j -> {
            FeatureSpec.NumericOptions o = options.get(j);
            double[] column = x.column(j);
            missing[j] = Arrays.stream(column).filter(Double::isNaN).count();
            fill[j] = switch (o.impute()) {
                case MEDIAN -> Quantiles.median(column);
                case MEAN -> mean(column);
                case CONSTANT -> o.constant();
            };
        });
        for (int j = 0; j < fill.length; j++) {
            FeatureSpec.NumericOptions o = options.get(j);
            if (o == null) {
                continue;
            }
            if (Double.isNaN(fill[j])) {
                throw new com.segments.domain.SegmentsException("column '" + names.get(j) + "' has no values to impute from");
            }
            if (missing[j] > 0) {
                notes.note(names.get(j), missing[j] + " missing, filled with the " + o.impute().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + Steps.format(fill[j]));
            }
        }
        return new Imputation(fill);
    }

    /** The median of the present values, or NaN when there are none. */
    public static double median(double[] column) {
        return Quantiles.median(column);
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
