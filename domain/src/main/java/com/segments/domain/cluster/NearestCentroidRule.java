package com.segments.domain.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

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

    /** Rows one task of {@link #assignAll} scores: big enough to dwarf scheduling, small enough to share out. */
    private static final int BLOCK_ROWS = 4096;

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
        int n = trainingRows.length / dimensions;
        int[] labels = new int[n];
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = CentroidDistances.nearest(trainingRows, i * dimensions, centroids, k, dimensions);
            distances[i] = Math.sqrt(CentroidDistances.squared(trainingRows, i * dimensions, centroids,
                    labels[i] * dimensions, dimensions));
        }
        return fromMembers(k, dimensions, centroids, labels, distances);
    }

    /**
     * Builds the rule from centroids and the training rows' nearest segments and distances to it, as a fit that has
     * computed them already knows them: each radius is the 99th percentile of its members' distances.
     */
    public static NearestCentroidRule fromMembers(int k, int dimensions, double[] centroids, int[] labels, double[] distances) {
        int[] counts = new int[k];
        for (int label : labels) {
            counts[label]++;
        }
        double[][] bySegment = new double[k][];
        for (int c = 0; c < k; c++) {
            bySegment[c] = new double[counts[c]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < labels.length; i++) {
            bySegment[labels[i]][filled[labels[i]]++] = distances[i];
        }
        double[] radius = new double[k];
        for (int c = 0; c < k; c++) {
            double[] members = bySegment[c];
            radius[c] = members.length == 0 ? 0
                    : select(members, (int) Math.min(members.length - 1, Math.ceil(0.99 * members.length) - 1));
        }
        return new NearestCentroidRule(k, dimensions, centroids, radius);
    }

    /** The value a sort would put at {@code rank} (quickselect: linear time, where sorting a million rows is not). */
    private static double select(double[] values, int rank) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            double pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (Double.compare(values[i], pivot) < 0) {
                    i++;
                }
                while (Double.compare(values[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (rank <= j) {
                high = j;
            } else if (rank >= i) {
                low = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    @Override
    public Assignment assign(double[] vector) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < segmentCount; c++) {
            double d = CentroidDistances.squared(vector, 0, centroids, c * dimensions, dimensions);
            if (d < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = d;
                best = c;
            } else if (d < secondDistance) {
                secondDistance = d;
            }
        }
        double distance = Math.sqrt(bestDistance);
        return new Assignment(best, distance, CentroidDistances.confidence(bestDistance, secondDistance),
                distance > outlierRadius[best]);
    }

    /**
     * Scores rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) of a flat row-major array into {@code out},
     * row {@code fromRow} going to {@code out} position {@code outOffset}. The same answers as {@link #assign} row by
     * row, without an object per row; the distance code is the one the k-means plugin fits with.
     */
    public void assignBlock(double[] rows, int fromRow, int toRow, Assignments out, int outOffset) {
        int n = toRow - fromRow;
        int[] best = new int[n];
        double[] bestSquared = new double[n];
        double[] secondSquared = new double[n];
        CentroidDistances.nearestTwoMany(rows, fromRow, toRow, centroids, segmentCount, dimensions, best, bestSquared,
                secondSquared);
        for (int i = 0; i < n; i++) {
            double distance = Math.sqrt(bestSquared[i]);
            out.set(outOffset + i, best[i], distance, CentroidDistances.confidence(bestSquared[i], secondSquared[i]),
                    distance > outlierRadius[best[i]]);
        }
    }

    /**
     * Scores every row of a flat row-major array, blocks of {@value #BLOCK_ROWS} rows in parallel on the common
     * fork-join pool (each row's answer depends on that row alone, so the split changes nothing).
     */
    @Override
    public Assignments assignAll(double[] rows) {
        int n = rows.length / dimensions;
        Assignments out = new Assignments(n);
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK_ROWS;
            int to = Math.min(n, from + BLOCK_ROWS);
            assignBlock(rows, from, to, out, from);
        });
        return out;
    }

    /** Index of the nearest centroid to the row starting at {@code offset} in a flat row-major array. */
    public int nearest(double[] rows, int offset) {
        return CentroidDistances.nearest(rows, offset, centroids, segmentCount, dimensions);
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
        return CentroidDistances.squared(rows, offset, centroids, c * dimensions, dimensions);
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
