package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Expands each categorical column (its value is a level position, see {@link Field}) into one 0/1 column per
 * level plus one for the "other" bucket; other columns pass through unchanged, in order.
 *
 * @param buckets per input column: 0 for a column that passes through, else the number of one-hot columns
 *                (levels + 1)
 */
public record OneHotEncoding(int[] buckets) implements FittedStep {

    public OneHotEncoding {
        buckets = buckets.clone();
        for (int b : buckets) {
            if (b < 0 || b == 1) {
                throw new IllegalArgumentException("a one-hot column needs at least 2 buckets, got " + b);
            }
        }
    }

    /**
     * One-hot buckets for the schema's one-hot fields (levels plus the other bucket), followed by {@code extra}
     * pass-through columns (derived features); {@code null} when no field is one-hot.
     */
    public static OneHotEncoding of(java.util.List<Field> fields, int extra) {
        int[] buckets = new int[fields.size() + extra];
        boolean any = false;
        for (int j = 0; j < fields.size(); j++) {
            if (fields.get(j).oneHot()) {
                buckets[j] = fields.get(j).levels().size() + 1;
                any = true;
            }
        }
        return any ? new OneHotEncoding(buckets) : null;
    }

    /** The names of the columns this step writes, given the names of those it reads and the fields. */
    public java.util.List<String> outputNames(java.util.List<String> inputNames, java.util.List<Field> fields) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < buckets.length; j++) {
            if (buckets[j] == 0) {
                out.add(inputNames.get(j));
            } else {
                Field field = fields.get(j);
                field.levels().forEach(level -> out.add(field.name() + "=" + level));
                out.add(field.name() + "=" + Field.OTHER);
            }
        }
        return out;
    }

    @Override
    public int[] buckets() {
        return buckets.clone();
    }

    @Override
    public int inputWidth() {
        return buckets.length;
    }

    @Override
    public int outputWidth() {
        int width = 0;
        for (int b : buckets) {
            width += b == 0 ? 1 : b;
        }
        return width;
    }

    @Override
    public double[] apply(double[] row) {
        double[] out = new double[outputWidth()];
        int o = 0;
        for (int j = 0; j < buckets.length; j++) {
            if (buckets[j] == 0) {
                out[o++] = row[j];
            } else {
                int code = Double.isNaN(row[j]) ? buckets[j] - 1 : (int) row[j];
                out[o + Math.min(Math.max(code, 0), buckets[j] - 1)] = 1.0;
                o += buckets[j];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneHotEncoding other && Arrays.equals(buckets, other.buckets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "OneHotEncoding" + Arrays.toString(buckets);
    }
}
