package com.segments.domain.metric;

import com.segments.domain.feature.DataMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Mean silhouette coefficient with Euclidean distance, defined as scikit-learn defines it: for each row,
 * {@code (b - a) / max(a, b)} with {@code a} the mean distance to the other members of its segment and
 * {@code b} the smallest mean distance to another segment; a row alone in its segment scores 0.
 *
 * <p>The exact value needs all n² distances. Above {@code maxRows} it is computed on a seeded sample drawn per
 * segment in proportion to segment size (every segment keeps at least a few rows), and the result says how many
 * rows it used.
 */
public final class Silhouette {

    /** Rows up to which the silhouette is exact; 10,000 rows take about a second on two cores. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private static final int MIN_ROWS_PER_SEGMENT = 20;

    private Silhouette() {
    }

    /**
     * @param standardError the standard error of the mean over the rows used, sd / sqrt(rows): two silhouettes
     *                      closer than this are not told apart by these rows
     */
    public record Result(double value, int rowsUsed, double standardError) {
    }

    public static Result compute(DataMatrix data, int[] labels, int k, int maxRows, long seed) {
        if (labels.length != data.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + data.rows() + " rows");
        }
        if (data.rows() <= maxRows) {
            return summary(perRow(data, labels, k));
        }
        int[] sample = stratifiedSample(labels, k, maxRows, seed);
        int[] sampleLabels = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            sampleLabels[i] = labels[sample[i]];
        }
        return summary(perRow(data.selectRows(sample), sampleLabels, k));
    }

    private static Result summary(double[] perRow) {
        int n = perRow.length;
        double mean = 0;
        for (double v : perRow) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : perRow) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new Result(mean, n, sd / Math.sqrt(n));
    }

    /** The exact mean silhouette over all rows. Runs in parallel; the result does not depend on thread count. */
    public static double exact(DataMatrix data, int[] labels, int k) {
        double[] perRow = perRow(data, labels, k);
        double total = 0;
        for (double v : perRow) {
            total += v;
        }
        return total / perRow.length;
    }

    /** Each row's silhouette. Runs in parallel; the result does not depend on thread count. */
    static double[] perRow(DataMatrix data, int[] labels, int k) {
        int n = data.rows();
        int d = data.columns();
        double[] x = data.rowMajorView();
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        long occupied = IntStream.of(sizes).filter(s -> s > 0).count();
        if (occupied < 2) {
            throw new IllegalArgumentException("the silhouette needs at least two non-empty segments");
        }
        double[] perRow = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] sums = new double[k];
            int oi = i * d;
            for (int j = 0; j < n; j++) {
                int oj = j * d;
                double s = 0;
                for (int f = 0; f < d; f++) {
                    double diff = x[oi + f] - x[oj + f];
                    s += diff * diff;
                }
                sums[labels[j]] += Math.sqrt(s);
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                perRow[i] = 0;
                return;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double denominator = Math.max(a, b);
            perRow[i] = denominator == 0 ? 0 : (b - a) / denominator;
        });
        return perRow;
    }

    /** Row indices drawn per segment in proportion to its size, at least a few per segment, sorted. */
    static int[] stratifiedSample(int[] labels, int k, int target, long seed) {
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) {
            start[c + 1] = start[c] + sizes[c];
        }
        int[] members = new int[labels.length]; // each segment's rows, in row order, one slice per segment
        int[] filled = start.clone();
        for (int i = 0; i < labels.length; i++) {
            members[filled[labels[i]]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[labels.length];
        int count = 0;
        for (int c = 0; c < k; c++) {
            int size = sizes[c];
            int want = (int) Math.round((double) target * size / labels.length);
            want = Math.min(size, Math.max(want, MIN_ROWS_PER_SEGMENT));
            // Partial Fisher-Yates: the first `want` positions become a uniform sample without replacement.
            for (int i = 0; i < want; i++) {
                int swap = i + random.nextInt(size - i);
                int tmp = members[start[c] + i];
                members[start[c] + i] = members[start[c] + swap];
                members[start[c] + swap] = tmp;
                chosen[count++] = members[start[c] + i];
            }
        }
        int[] sample = java.util.Arrays.copyOf(chosen, count);
        java.util.Arrays.sort(sample);
        return sample;
    }
}
