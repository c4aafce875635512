package com.segments.domain.feature;

/**
 * Medians and quantiles of a column as numpy computes them (linear interpolation between order statistics, missing
 * values left out), by selection in linear time rather than sorting: fitting a million-row pipeline takes a few
 * medians per column.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The present (non-NaN) values, copied. */
    public static double[] present(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[] out = new double[count];
        int i = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** The median of the present values (the mean of the two middle ones for an even count), or NaN if none. */
    public static double median(double[] values) {
        return quantileInPlace(present(values), 0.5);
    }

    /** numpy's default quantile of the present values, or NaN if none. */
    public static double quantile(double[] values, double q) {
        return quantileInPlace(present(values), q);
    }

    /** numpy's default quantile of values already sorted ascending (no NaN), in constant time; NaN if none. */
    public static double ofSorted(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * The quantile of {@code values}, which must hold no NaN and are reordered. Several quantiles may be taken
     * from the same array one after another.
     */
    public static double quantileInPlace(double[] values, double q) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int below = (int) Math.floor(position);
        double low = select(values, below);
        if (below == n - 1 || position == below) {
            return low;
        }
        double high = Double.POSITIVE_INFINITY;
        for (int i = below + 1; i < n; i++) {
            high = Math.min(high, values[i]); // after selection, everything past 'below' is >= low
        }
        return low + (position - below) * (high - low);
    }

    /** Puts the k-th smallest value at index k, smaller ones before it and larger ones after it; returns it. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
