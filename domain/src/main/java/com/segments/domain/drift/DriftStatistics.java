package com.segments.domain.drift;

import java.util.Arrays;

/**
 * The distances between two distributions that drift reports use, computed as the tools people compare with
 * compute them (scipy's {@code wasserstein_distance} and {@code ks_2samp} statistic; PSI as Evidently and NannyML
 * define it). Known answers computed by {@code benchmarks/scripts/drift_known_answers.py} are checked in the tests.
 */
public final class DriftStatistics {

    /** Share given to an empty bin in PSI, so that a bin seen on one side only counts without dividing by zero. */
    public static final double PSI_FLOOR = 1e-4;

    private DriftStatistics() {
    }

    /**
     * Population stability index: sum over bins of (actual - expected) * ln(actual / expected), each share floored
     * at {@link #PSI_FLOOR}. Both arrays are shares of the same bins (each summing to 1).
     */
    public static double psi(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(expected.length + " reference bins, " + actual.length + " current bins");
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], PSI_FLOOR);
            double a = Math.max(actual[i], PSI_FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** Counts as shares of their total (all zeros when the total is 0). */
    public static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length && total > 0; i++) {
            shares[i] = (double) counts[i] / total;
        }
        return shares;
    }

    /**
     * The bin of {@code value} among bins cut at ascending {@code edges}: the number of edges strictly below it, so bin
     * i is (edges[i-1], edges[i]] and a value equal to a repeated edge falls into the first bin of the repeat.
     */
    public static int bin(double[] edges, double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (edges[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * First Wasserstein distance between the empirical distributions of two samples: the area between their
     * cumulative distribution functions (scipy's {@code wasserstein_distance(u, v)}).
     */
    public static double wasserstein(double[] u, double[] v) {
        double[] a = sorted(u, "first");
        double[] b = sorted(v, "second");
        int i = 0;
        int j = 0;
        double previous = Math.min(a[0], b[0]);
        double area = 0;
        while (i < a.length || j < b.length) {
            double next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            area += Math.abs((double) i / a.length - (double) j / b.length) * (next - previous);
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            previous = next;
        }
        return area;
    }

    /**
     * Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions
     * (scipy's {@code ks_2samp(...).statistic}).
     */
    public static double ks(double[] u, double[] v) {
        double[] a = sorted(u, "first");
        double[] b = sorted(v, "second");
        int i = 0;
        int j = 0;
        double largest = 0;
        while (i < a.length && j < b.length) {
            double next = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            largest = Math.max(largest, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return largest;
    }

    /** Pearson's chi-square statistic of observed counts against expected shares (bins expected empty are skipped). */
    public static double chiSquare(long[] observed, double[] expectedShares) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = expectedShares[i] * total;
            if (expected > 0) {
                double gap = observed[i] - expected;
                statistic += gap * gap / expected;
            }
        }
        return statistic;
    }

    private static double[] sorted(double[] values, String which) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        if (Double.isNaN(copy[copy.length - 1]) || Double.isInfinite(copy[0]) || Double.isInfinite(copy[copy.length - 1])) {
            throw new IllegalArgumentException("the " + which + " sample holds a value that is not a finite number");
        }
        return copy;
    }
}
