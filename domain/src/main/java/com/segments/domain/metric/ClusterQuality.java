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

    /**
     * Every figure of a labeling. Inertia, Davies-Bouldin and Calinski-Harabasz come from one pass for the segment
     * means and one for each row's distance to its mean, over the matrix as it is (noise rows are skipped, not
     * copied out); the silhouette copies at most {@code maxSilhouetteRows} rows.
     */
    public static ClusterQuality of(DataMatrix data, int[] labels, int maxSilhouetteRows, long seed) {
        Moments m = Moments.of(data, labels);
        if (m.segments < 2 || m.members <= m.segments) {
            return new ClusterQuality(m.segments, m.noiseFraction(), Double.NaN, 0, Double.NaN, Double.NaN, m.within,
                    Double.NaN);
        }
        Silhouette.Result silhouette = silhouette(data, m, maxSilhouetteRows, seed);
        return new ClusterQuality(m.segments, m.noiseFraction(), silhouette.value(), silhouette.rowsUsed(),
                m.daviesBouldin(), m.calinskiHarabasz(), m.within, silhouette.standardError());
    }

    /**
     * Only the squared distances of the non-noise rows to their segment's mean: what a plugin reports as inertia,
     * without the cost of the other figures.
     */
    public static double withinSumOfSquares(DataMatrix data, int[] labels) {
        return Moments.of(data, labels).within;
    }

    private static Silhouette.Result silhouette(DataMatrix data, Moments m, int maxRows, long seed) {
        if (m.members == data.rows()) {
            return Silhouette.compute(data, m.compact, m.segments, maxRows, seed);
        }
        int[] rows = new int[(int) m.members];
        int[] labels = new int[rows.length];
        for (int i = 0, r = 0; i < m.compact.length; i++) {
            if (m.compact[i] != Assignment.NOISE) {
                rows[r] = i;
                labels[r++] = m.compact[i];
            }
        }
        if (rows.length <= maxRows) {
            return Silhouette.compute(data.selectRows(rows), labels, m.segments, maxRows, seed);
        }
        int[] sample = Silhouette.stratifiedSample(labels, m.segments, maxRows, seed);
        int[] chosen = new int[sample.length];
        int[] chosenLabels = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            chosen[i] = rows[sample[i]];
            chosenLabels[i] = labels[sample[i]];
        }
        return Silhouette.compute(data.selectRows(chosen), chosenLabels, m.segments, sample.length, seed);
    }

    /**
     * Segment means, sizes, within-segment sums of squares and mean distances, from two passes over the rows.
     * Labels are renumbered 0..segments-1 in order of their original ids; noise stays -1.
     */
    private static final class Moments {
        final int[] compact;
        final int segments;
        final long members;
        final int rows;
        final double[][] centres;
        final long[] sizes;
        final double[] scatter;
        final double[] mean;
        double within;

        private Moments(int[] compact, int segments, int rows, int d) {
            this.compact = compact;
            this.segments = segments;
            this.rows = rows;
            this.centres = new double[segments][d];
            this.sizes = new long[segments];
            this.scatter = new double[segments];
            this.mean = new double[d];
            long count = 0;
            for (int label : compact) {
                count += label == Assignment.NOISE ? 0 : 1;
            }
            this.members = count;
        }

        static Moments of(DataMatrix data, int[] labels) {
            if (labels.length != data.rows()) {
                throw new IllegalArgumentException(labels.length + " labels for " + data.rows() + " rows");
            }
            int[] compact = compact(labels);
            int k = 0;
            for (int label : compact) {
                k = Math.max(k, label + 1);
            }
            Moments m = new Moments(compact, k, labels.length, data.columns());
            m.measure(data.rowMajorView(), data.columns());
            return m;
        }

        private void measure(double[] x, int d) {
            for (int i = 0; i < compact.length; i++) {
                int c = compact[i];
                if (c == Assignment.NOISE) {
                    continue;
                }
                sizes[c]++;
                for (int j = 0; j < d; j++) {
                    centres[c][j] += x[i * d + j];
                }
            }
            for (int c = 0; c < segments; c++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += centres[c][j];
                    centres[c][j] /= Math.max(sizes[c], 1);
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= Math.max(members, 1);
            }
            for (int i = 0; i < compact.length; i++) {
                int c = compact[i];
                if (c == Assignment.NOISE) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x[i * d + j] - centres[c][j];
                    s += diff * diff;
                }
                within += s;
                scatter[c] += Math.sqrt(s);
            }
        }

        double noiseFraction() {
            return rows == 0 ? 0 : (double) (rows - members) / rows;
        }

        double daviesBouldin() {
            double total = 0;
            for (int a = 0; a < segments; a++) {
                double worst = 0;
                for (int b = 0; b < segments; b++) {
                    if (a != b) {
                        double separation = Math.sqrt(squared(centres[a], centres[b]));
                        double spread = scatter[a] / sizes[a] + scatter[b] / sizes[b];
                        worst = Math.max(worst, separation == 0 ? Double.POSITIVE_INFINITY : spread / separation);
                    }
                }
                total += worst;
            }
            return total / segments;
        }

        double calinskiHarabasz() {
            double between = 0;
            for (int c = 0; c < segments; c++) {
                between += sizes[c] * squared(centres[c], mean);
            }
            return within == 0 ? 1.0 : between * (members - segments) / (within * (segments - 1));
        }
    }

    /** Labels renumbered 0.. in order of their original ids; noise stays noise. */
    private static int[] compact(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        int[] newId = new int[max + 1];
        java.util.Arrays.fill(newId, -1);
        for (int label : labels) {
            if (label != Assignment.NOISE) {
                newId[label] = 0;
            }
        }
        int next = 0;
        for (int id = 0; id <= max; id++) {
            if (newId[id] == 0) {
                newId[id] = next++;
            }
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == Assignment.NOISE ? Assignment.NOISE : newId[labels[i]];
        }
        return out;
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
