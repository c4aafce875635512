package com.segments.domain.cluster;

import java.util.Arrays;

/**
 * Assigns a vector to the nearest of k centroids (squared Euclidean distance; ties go to the lower id, as
 * argmin does). Centroids are one flat row-major array so the loop stays on primitive memory.
 *
 * @param segmentCount  k
 * @param dimensions    length of each centroid
 * @param centroids     k × dimensions, row-major
 * @param outlierRadius per segment, the distance beyond which a member is flagged as an outlier
 */
public record NearestCentroidRule(int segmentCount, int dimensions, double[] centroids, double[] outlierRadius)
        implements AssignmentRule {

    public NearestCentroidRule {
        if (segmentCount < 1 || dimensions < 1) {
            throw new IllegalArgumentException("need k >= 1 and dimensions >= 1, got " + segmentCount + ", " + dimensions);
        }
        if (centroids.length != segmentCount * dimensions) {
            throw new IllegalArgumentException("expected " + segmentCount * dimensions + " centroid values, got " + centroids.length);
        }
        if (outlierRadius.length != segmentCount) {
            throw new IllegalArgumentException("expected " + segmentCount + " outlier radii, got " + outlierRadius.length);
        }
        for (double c : centroids) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("centroids must be finite");
            }
        }
        centroids = centroids.clone();
        outlierRadius = outlierRadius.clone();
    }

    /**
     * Builds the rule from centroids alone, deriving each segment's outlier radius from the training rows: the
     * 99th percentile of its members' distances (members are the rows this rule assigns to it).
     */
    public static NearestCentroidRule fromCentroids(int k, int dimensions, double[] centroids, double[] trainingRows) {
        NearestCentroidRule provisional = new NearestCentroidRule(k, dimensions, centroids, new double[k]);
        int n = trainingRows.length / dimensions;
        int[] counts = new int[k];
        int[] labels = new int[n];
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = provisional.nearest(trainingRows, i * dimensions);
            distances[i] = Math.sqrt(provisional.squaredDistance(trainingRows, i * dimensions, labels[i]));
            counts[labels[i]]++;
        }
        double[][] bySegment = new double[k][];
        for (int c = 0; c < k; c++) {
            bySegment[c] = new double[counts[c]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < n; i++) {
            bySegment[labels[i]][filled[labels[i]]++] = distances[i];
        }
        double[] radius = new double[k];
        for (int c = 0; c < k; c++) {
            double[] sorted = bySegment[c];
            Arrays.sort(sorted);
            radius[c] = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
        }
        return new NearestCentroidRule(k, dimensions, centroids, radius);
    }

    @Override
    public Assignment assign(double[] vector) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < segmentCount; c++) {
            double d = squaredDistance(vector, 0, c);
            if (d < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = d;
                best = c;
            } else if (d < secondDistance) {
                secondDistance = d;
            }
        }
        double distance = Math.sqrt(bestDistance);
        double confidence;
        if (secondDistance == Double.POSITIVE_INFINITY) {
            confidence = 1.0;
        } else {
            double second = Math.sqrt(secondDistance);
            confidence = second == 0 ? 0.0 : 1.0 - distance / second;
        }
        return new Assignment(best, distance, confidence, distance > outlierRadius[best]);
    }

    /** Index of the nearest centroid to the row starting at {@code offset} in a flat row-major array. */
    public int nearest(double[] rows, int offset) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < segmentCount; c++) {
            double d = squaredDistance(rows, offset, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    @Override
    public NearestCentroidRule relabel(int[] newIdOf) {
        double[] moved = new double[centroids.length];
        double[] radius = new double[segmentCount];
        for (int c = 0; c < segmentCount; c++) {
            System.arraycopy(centroids, c * dimensions, moved, newIdOf[c] * dimensions, dimensions);
            radius[newIdOf[c]] = outlierRadius[c];
        }
        return new NearestCentroidRule(segmentCount, dimensions, moved, radius);
    }

    @Override
    public int[] labelAll(double[] rows) {
        int n = rows.length / dimensions;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(rows, i * dimensions);
        }
        return labels;
    }

    /** Squared distance of the row at {@code offset} to centroid {@code c}. */
    public double squaredDistance(double[] rows, int offset, int c) {
        return Vectors.squaredDistance(rows, offset, centroids, c * dimensions, dimensions);
    }

    /** Centroid {@code c} as a new array. */
    public double[] centroid(int c) {
        return Arrays.copyOfRange(centroids, c * dimensions, (c + 1) * dimensions);
    }

    @Override
    public double[] centroids() {
        return centroids.clone();
    }

    @Override
    public double[] outlierRadius() {
        return outlierRadius.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearestCentroidRule other && segmentCount == other.segmentCount
                && dimensions == other.dimensions && Arrays.equals(centroids, other.centroids)
                && Arrays.equals(outlierRadius, other.outlierRadius);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centroids) + Arrays.hashCode(outlierRadius);
    }

    @Override
    public String toString() {
        return "NearestCentroidRule[k=" + segmentCount + ", dimensions=" + dimensions + "]";
    }
}
