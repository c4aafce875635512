package com.segments.domain.metric;

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
}
