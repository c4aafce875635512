package com.segments.domain.metric;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.DataMatrix;

/**
 * Internal quality of a labeling, computed as scikit-learn computes each figure, over the rows that are not noise.
 *
 * @param segments           occupied segments
 * @param noiseFraction      share of rows labelled noise
 * @param silhouette         mean silhouette (higher is better, in [-1, 1])
 * @param silhouetteRows     rows the silhouette used (all up to a size, else a stratified sample)
 * @param daviesBouldin      mean worst-case ratio of within-segment scatter to between-centre distance (lower is better)
 * @param calinskiHarabasz   between- to within-segment dispersion, scaled by degrees of freedom (higher is better)
 * @param withinSumOfSquares squared distances of rows to their segment's mean (k-means' inertia)
 * @param silhouetteStandardError standard error of the mean silhouette over the rows it used
 */
public record ClusterQuality(int segments, double noiseFraction, double silhouette, int silhouetteRows,
                             double daviesBouldin, double calinskiHarabasz, double withinSumOfSquares,
                             double silhouetteStandardError) {

    public static ClusterQuality of(DataMatrix data, int[] labels, int maxSilhouetteRows, long seed) {
        Members members = Members.of(data, labels);
        DataMatrix x = members.rows();
        int[] compact = members.labels();
        int k = members.segments();
        if (k < 2 || compact.length <= k) {
            return new ClusterQuality(k, members.noiseFraction(), Double.NaN, 0, Double.NaN, Double.NaN,
                    withinSumOfSquares(x, compact, Math.max(k, 1)), Double.NaN);
        }
        Silhouette.Result silhouette = Silhouette.compute(x, compact, k, maxSilhouetteRows, seed);
        return new ClusterQuality(k, members.noiseFraction(), silhouette.value(), silhouette.rowsUsed(),
                daviesBouldin(x, compact, k), calinskiHarabasz(x, compact, k), withinSumOfSquares(x, compact, k),
                silhouette.standardError());
    }

    /**
     * Only the squared distances of the non-noise rows to their segment's mean: what a plugin reports as inertia,
     * without the cost of the other figures.
     */
    public static double withinSumOfSquares(DataMatrix data, int[] labels) {
        Members members = Members.of(data, labels);
        return withinSumOfSquares(members.rows(), members.labels(), Math.max(members.segments(), 1));
    }

    /** The rows that are not noise, their labels renumbered 0..segments-1, and the share left out as noise. */
    private record Members(DataMatrix rows, int[] labels, int segments, double noiseFraction) {
        static Members of(DataMatrix data, int[] labels) {
            if (labels.length != data.rows()) {
                throw new IllegalArgumentException(labels.length + " labels for " + data.rows() + " rows");
            }
            int[] kept = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] != Assignment.NOISE).toArray();
            double noise = labels.length == 0 ? 0 : (double) (labels.length - kept.length) / labels.length;
            int[] compact = compact(labels, kept);
            int k = 0;
            for (int label : compact) {
                k = Math.max(k, label + 1);
            }
            return new Members(kept.length == labels.length ? data : data.selectRows(kept), compact, k, noise);
        }
    }

    /** Labels of the kept rows renumbered 0.. in order of first use of each original label id. */
    private static int[] compact(int[] labels, int[] kept) {
        java.util.Map<Integer, Integer> ids = new java.util.TreeMap<>();
        for (int i : kept) {
            ids.putIfAbsent(labels[i], 0);
        }
        int next = 0;
        for (var entry : ids.entrySet()) {
            entry.setValue(next++);
        }
        int[] out = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = ids.get(labels[kept[i]]);
        }
        return out;
    }

    static double[][] centres(DataMatrix x, int[] labels, int k) {
        int d = x.columns();
        double[][] centres = new double[k][d];
        long[] sizes = new long[k];
        double[] v = x.rowMajorView();
        for (int i = 0; i < labels.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centres[labels[i]][j] += v[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centres[c][j] /= Math.max(sizes[c], 1);
            }
        }
        return centres;
    }

    static double withinSumOfSquares(DataMatrix x, int[] labels, int k) {
        double[][] centres = centres(x, labels, k);
        double[] v = x.rowMajorView();
        int d = x.columns();
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < d; j++) {
                double diff = v[i * d + j] - centres[labels[i]][j];
                total += diff * diff;
            }
        }
        return total;
    }

    static double daviesBouldin(DataMatrix x, int[] labels, int k) {
        double[][] centres = centres(x, labels, k);
        double[] scatter = new double[k];
        long[] sizes = new long[k];
        double[] v = x.rowMajorView();
        int d = x.columns();
        for (int i = 0; i < labels.length; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = v[i * d + j] - centres[labels[i]][j];
                s += diff * diff;
            }
            scatter[labels[i]] += Math.sqrt(s);
            sizes[labels[i]]++;
        }
        for (int c = 0; c < k; c++) {
            scatter[c] /= sizes[c];
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (a != b) {
                    double separation = Math.sqrt(squared(centres[a], centres[b]));
                    worst = Math.max(worst, separation == 0 ? Double.POSITIVE_INFINITY : (scatter[a] + scatter[b]) / separation);
                }
            }
            total += worst;
        }
        return total / k;
    }

    static double calinskiHarabasz(DataMatrix x, int[] labels, int k) {
        int n = labels.length;
        double[][] centres = centres(x, labels, k);
        double[] mean = new double[x.columns()];
        double[] v = x.rowMajorView();
        int d = x.columns();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        long[] sizes = new long[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double between = 0;
        for (int c = 0; c < k; c++) {
            between += sizes[c] * squared(centres[c], mean);
        }
        double within = withinSumOfSquares(x, labels, k);
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }
}
