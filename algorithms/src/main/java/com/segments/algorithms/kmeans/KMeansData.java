package com.segments.algorithms.kmeans;

import com.segments.domain.feature.DataMatrix;

/**
 * The rows a k-means fit runs on, as one flat row-major array, with optional weights and the fixed split into chunks
 * that every parallel pass uses. The chunk size depends on the rows, k and the width only, never on the number of
 * threads, which is what keeps sums (and so centres) identical on any number of threads.
 */
final class KMeansData {

    /** Rows of one chunk at least: enough work per task, and partial sums small next to the data. */
    private static final int MIN_CHUNK_ROWS = 1024;

    final double[] x;
    final int n;
    final int d;
    /** One weight per row, or null when every row counts once. */
    final double[] weights;
    final int chunkRows;
    final int chunks;

    KMeansData(double[] x, int n, int d, double[] weights, int k) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.weights = weights;
        // Each chunk keeps k partial centre sums; at least 4k rows per chunk keeps them a fraction of the data.
        this.chunkRows = Math.max(MIN_CHUNK_ROWS, 4 * k);
        this.chunks = Math.max(1, (n + chunkRows - 1) / chunkRows);
    }

    static KMeansData of(DataMatrix data, double[] weights, int k) {
        return new KMeansData(data.rowMajorView(), data.rows(), data.columns(), weights, k);
    }

    /** The given rows (sorted indices) with their weights, as a new data set. */
    KMeansData select(int[] rows, int k) {
        double[] out = new double[rows.length * d];
        double[] w = weights == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, out, i * d, d);
            if (w != null) {
                w[i] = weights[rows[i]];
            }
        }
        return new KMeansData(out, rows.length, d, w, k);
    }

    double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    int chunkStart(int chunk) {
        return chunk * chunkRows;
    }

    int chunkEnd(int chunk) {
        return Math.min(n, (chunk + 1) * chunkRows);
    }

    /**
     * scikit-learn's tolerance: {@code relative} times the mean of the per-feature variances (unweighted, as
     * scikit-learn computes it), so that it does not depend on the scale of the data. Two passes in chunks.
     */
    double tolerance(double relative, ChunkPool pool) {
        double[] mean = columnSums(pool, null);
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] squares = columnSums(pool, mean);
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += squares[j] / n;
        }
        return relative * total / d;
    }

    /** Per column, the sum of values (no {@code mean}) or of squared deviations from {@code mean}, chunk by chunk. */
    private double[] columnSums(ChunkPool pool, double[] mean) {
        double[] partial = new double[chunks * d];
        pool.forEach(chunks, c -> {
            int o = c * d;
            for (int i = chunkStart(c); i < chunkEnd(c); i++) {
                for (int j = 0; j < d; j++) {
                    double v = mean == null ? x[i * d + j] : x[i * d + j] - mean[j];
                    partial[o + j] += mean == null ? v : v * v;
                }
            }
        });
        double[] sums = new double[d];
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < d; j++) {
                sums[j] += partial[c * d + j];
            }
        }
        return sums;
    }
}
