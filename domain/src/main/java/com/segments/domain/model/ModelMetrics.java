package com.segments.domain.model;

import com.segments.domain.metric.ClusterQuality;

/**
 * Quality figures computed at training time, over the rows that are not noise. NaN where a figure is undefined
 * (fewer than two segments) or was not recorded (models stored before it existed).
 *
 * @param inertia              sum of squared distances to the assigned centres (preprocessed space)
 * @param silhouette           mean silhouette coefficient, in [-1, 1]
 * @param silhouetteSampleSize rows the silhouette was computed on (all rows up to a size, else a stratified sample)
 * @param noiseFraction        share of training rows no segment claims (0 for k-means and hierarchical)
 * @param daviesBouldin        Davies-Bouldin index (lower is better)
 * @param calinskiHarabasz     Calinski-Harabasz index (higher is better)
 * @param meanStability        mean over segments of the best Jaccard overlap after bootstrap refits (clusterboot),
 *                             NaN when not measured (measured at training time when the promotion gate asks for it)
 */
public record ModelMetrics(double inertia, double silhouette, int silhouetteSampleSize, double noiseFraction,
                           double daviesBouldin, double calinskiHarabasz, double meanStability) {

    public ModelMetrics(double inertia, double silhouette, int silhouetteSampleSize, double noiseFraction,
                        double daviesBouldin, double calinskiHarabasz) {
        this(inertia, silhouette, silhouetteSampleSize, noiseFraction, daviesBouldin, calinskiHarabasz, Double.NaN);
    }

    public static ModelMetrics of(double inertia, ClusterQuality quality) {
        return of(inertia, quality, Double.NaN);
    }

    public static ModelMetrics of(double inertia, ClusterQuality quality, double meanStability) {
        return new ModelMetrics(inertia, quality.silhouette(), quality.silhouetteRows(), quality.noiseFraction(),
                quality.daviesBouldin(), quality.calinskiHarabasz(), meanStability);
    }
}
