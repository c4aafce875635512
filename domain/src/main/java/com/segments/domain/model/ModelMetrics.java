package com.segments.domain.model;

/**
 * Quality figures computed at training time.
 *
 * @param inertia              sum of squared distances to the assigned centres (preprocessed space)
 * @param silhouette           mean silhouette coefficient, in [-1, 1]
 * @param silhouetteSampleSize rows the silhouette was computed on (all rows up to a size, else a stratified sample)
 */
public record ModelMetrics(double inertia, double silhouette, int silhouetteSampleSize) {
}
