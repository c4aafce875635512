package com.segments.domain.cluster;

import java.util.Arrays;

/**
 * Density-based assignment (HDBSCAN): each segment is represented by exemplars, the training points at the heart
 * of the cluster, and each exemplar reaches as far as the cluster's edge did around it. A vector within the reach
 * of some exemplar joins the segment of the nearest exemplar; a vector beyond every exemplar's reach is noise.
 *
 * @param segmentCount     number of segments
 * @param dimensions       length of each exemplar
 * @param exemplars        m × dimensions, row-major
 * @param exemplarSegments segment of each exemplar
 * @param reach            how far each exemplar reaches
 */
public record NearestExemplarRule(int segmentCount, int dimensions, double[] exemplars, int[] exemplarSegments,
                                  double[] reach) implements AssignmentRule {

    public NearestExemplarRule {
        if (segmentCount < 1 || dimensions < 1) {
            throw new IllegalArgumentException("need segments >= 1 and dimensions >= 1, got " + segmentCount + ", " + dimensions);
        }
        int m = exemplarSegments.length;
        if (m < segmentCount || exemplars.length != m * dimensions || reach.length != m) {
            throw new IllegalArgumentException("inconsistent exemplars: " + m + " segments, " + exemplars.length
                    + " values, " + reach.length + " reaches for " + segmentCount + " segments of " + dimensions);
        }
        boolean[] represented = new boolean[segmentCount];
        for (int segment : exemplarSegments) {
            if (segment < 0 || segment >= segmentCount) {
                throw new IllegalArgumentException("exemplar segment " + segment + " outside 0.." + (segmentCount - 1));
            }
            represented[segment] = true;
        }
        for (int c = 0; c < segmentCount; c++) {
            if (!represented[c]) {
                throw new IllegalArgumentException("segment " + c + " has no exemplar");
            }
        }
        exemplars = exemplars.clone();
        exemplarSegments = exemplarSegments.clone();
        reach = reach.clone();
    }

    @Override
    public Assignment assign(double[] vector) {
        return assign(vector, 0);
    }

    private Assignment assign(double[] rows, int offset) {
        int nearest = -1;
        double nearestDistance = Double.POSITIVE_INFINITY;
        boolean reached = false;
        for (int e = 0; e < exemplarSegments.length; e++) {
            double d = Math.sqrt(squaredDistance(rows, offset, e));
            if (d <= reach[e]) {
                reached = true;
            }
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = e;
            }
        }
        if (!reached) {
            return new Assignment(Assignment.NOISE, nearestDistance, 0.0, true);
        }
        int segment = exemplarSegments[nearest];
        double otherSegment = Double.POSITIVE_INFINITY;
        for (int e = 0; e < exemplarSegments.length; e++) {
            if (exemplarSegments[e] != segment) {
                otherSegment = Math.min(otherSegment, Math.sqrt(squaredDistance(rows, offset, e)));
            }
        }
        double confidence = otherSegment == Double.POSITIVE_INFINITY ? 1.0
                : otherSegment == 0 ? 0.0 : 1.0 - nearestDistance / otherSegment;
        return new Assignment(segment, nearestDistance, confidence, nearestDistance > reach[nearest]);
    }

    @Override
    public NearestExemplarRule relabel(int[] newIdOf) {
        int[] segments = new int[exemplarSegments.length];
        for (int e = 0; e < segments.length; e++) {
            segments[e] = newIdOf[exemplarSegments[e]];
        }
        return new NearestExemplarRule(segmentCount, dimensions, exemplars, segments, reach);
    }

    @Override
    public int[] labelAll(double[] rows) {
        int n = rows.length / dimensions;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = assign(rows, i * dimensions).segment();
        }
        return labels;
    }

    private double squaredDistance(double[] rows, int offset, int exemplar) {
        return CentroidDistances.squared(rows, offset, exemplars, exemplar * dimensions, dimensions);
    }

    @Override
    public double[] exemplars() {
        return exemplars.clone();
    }

    @Override
    public int[] exemplarSegments() {
        return exemplarSegments.clone();
    }

    @Override
    public double[] reach() {
        return reach.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearestExemplarRule other && segmentCount == other.segmentCount
                && dimensions == other.dimensions && Arrays.equals(exemplars, other.exemplars)
                && Arrays.equals(exemplarSegments, other.exemplarSegments) && Arrays.equals(reach, other.reach);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(exemplars) + Arrays.hashCode(reach);
    }

    @Override
    public String toString() {
        return "NearestExemplarRule[segments=" + segmentCount + ", exemplars=" + exemplarSegments.length + "]";
    }
}
