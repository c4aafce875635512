package com.segments.domain.metric;

import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.DataMatrix;

/** Sum of squared distances of rows to the centroid of their segment (k-means' objective). */
public final class Inertia {

    private Inertia() {
    }

    public static double of(DataMatrix data, int[] labels, NearestCentroidRule rule) {
        double[] x = data.rowMajorView();
        int d = data.columns();
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            total += rule.squaredDistance(x, i * d, labels[i]);
        }
        return total;
    }

    /**
     * The same sum with each segment's centroid taken as the mean of its rows, for rules without centroids; noise
     * rows ({@code -1}) are left out.
     */
    public static double ofLabels(DataMatrix data, int[] labels, int segments) {
        double[] x = data.rowMajorView();
        int d = data.columns();
        double[] centroids = new double[segments * d];
        long[] sizes = new long[segments];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                sizes[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    centroids[labels[i] * d + j] += x[i * d + j];
                }
            }
        }
        for (int c = 0; c < segments; c++) {
            for (int j = 0; j < d && sizes[c] > 0; j++) {
                centroids[c * d + j] /= sizes[c];
            }
        }
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                total += CentroidDistances.squared(x, i * d, centroids, labels[i] * d, d);
            }
        }
        return total;
    }
}
