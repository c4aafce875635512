package com.segments.domain.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * A plugin's answer in domain terms.
 *
 * @param labels      segment of each training row, {@code 0 .. rule.segmentCount() - 1}, or
 *                    {@link Assignment#NOISE}
 * @param rule        how a new (preprocessed) customer is assigned
 * @param inertia     sum of squared distances of rows to their assigned centroid
 * @param diagnostics plugin facts worth reporting (iterations, restarts, the winning restart)
 */
public record ClusteringResult(int[] labels, AssignmentRule rule, double inertia, Map<String, Object> diagnostics) {


    public ClusteringResult {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(rule, "rule");
        diagnostics = Map.copyOf(diagnostics);
        for (int label : labels) {
            if (label < Assignment.NOISE || label >= rule.segmentCount()) {
                throw new IllegalArgumentException("label " + label + " outside -1.." + (rule.segmentCount() - 1));
            }
        }
    }
}
