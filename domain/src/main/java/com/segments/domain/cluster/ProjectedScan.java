package com.segments.domain.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact nearest-neighbour search over a few hundred to a few thousand points, for the one-row predictions of
 * {@link NearestNeighbourRule}: the points are sorted by their projection on their first principal axis, and a query
 * scans outwards from its own projection, nearest projection first, until the gap in projection alone exceeds the
 * best distance found (a projection on a unit vector never lengthens a difference). Each distance stops being summed
 * once it exceeds the best so far. On correlated features such as CC GENERAL's the first axis spreads the points
 * widely, so a query computes a fraction of the distances, on one flat array read in order.
 *
 * <p>The answer is exactly {@link KdTree}'s: squared Euclidean distance summed over the dimensions in order, ties to
 * the lower original index; the pruning keeps a margin far above rounding, so it never drops a point that could win.
 * Immutable; safe for concurrent queries.
 */
final class ProjectedScan {

    private static final int POWER_ITERATIONS = 50;
    /** Relative margin on the pruning test: far above the rounding of a 1-Lipschitz projection. */
    private static final double MARGIN = 1e-9;

    private final int dimensions;
    private final int size;
    private final double[] points;
    private final int[] ids;
    private final double[] projections;
    private final double[] mean;
    private final double[] axis;

    ProjectedScan(double[] points, int dimensions) {
        this.dimensions = dimensions;
        this.size = points.length / dimensions;
        this.mean = mean(points, dimensions, size);
        this.axis = firstAxis(points, dimensions, size, mean);
        double[] projected = new double[size];
        for (int i = 0; i < size; i++) {
            projected[i] = project(points, i * dimensions);
        }
        this.ids = IntStream.range(0, size).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> projected[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        this.points = new double[points.length];
        this.projections = new double[size];
        for (int s = 0; s < size; s++) {
            System.arraycopy(points, ids[s] * dimensions, this.points, s * dimensions, dimensions);
            projections[s] = projected[ids[s]];
        }
    }

    private static double[] mean(double[] points, int dimensions, int size) {
        double[] mean = new double[dimensions];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < dimensions; j++) {
                mean[j] += points[i * dimensions + j];
            }
        }
        for (int j = 0; j < dimensions; j++) {
            mean[j] /= Math.max(1, size);
        }
        return mean;
    }

    /** The first principal axis by power iteration from a fixed start (any unit vector is correct, this one prunes). */
    private static double[] firstAxis(double[] points, int dimensions, int size, double[] mean) {
        double[] axis = new double[dimensions];
        Arrays.fill(axis, 1 / Math.sqrt(dimensions));
        double[] centred = new double[dimensions];
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            double[] next = new double[dimensions];
            for (int i = 0; i < size; i++) {
                double dot = 0;
                for (int j = 0; j < dimensions; j++) {
                    centred[j] = points[i * dimensions + j] - mean[j];
                    dot += centred[j] * axis[j];
                }
                for (int j = 0; j < dimensions; j++) {
                    next[j] += dot * centred[j];
                }
            }
            double norm = Math.sqrt(Arrays.stream(next).map(v -> v * v).sum());
            if (!(norm > 0)) {
                return axis;
            }
            for (int j = 0; j < dimensions; j++) {
                axis[j] = next[j] / norm;
            }
        }
        return axis;
    }

    private double project(double[] row, int offset) {
        double dot = 0;
        for (int j = 0; j < dimensions; j++) {
            dot += (row[offset + j] - mean[j]) * axis[j];
        }
        return dot;
    }

    /**
     * The nearest point to the query row at {@code offset}: its original index into {@code found[0]} and its squared
     * distance into {@code squared[0]}.
     */
    void nearest(double[] query, int offset, int[] found, double[] squared) {
        double target = project(query, offset);
        int above = lowerBound(target);
        int below = above - 1;
        double best = Double.POSITIVE_INFINITY;
        int bestId = Integer.MAX_VALUE;
        while (below >= 0 || above < size) {
            double gapBelow = below >= 0 ? target - projections[below] : Double.POSITIVE_INFINITY;
            double gapAbove = above < size ? projections[above] - target : Double.POSITIVE_INFINITY;
            boolean down = gapBelow <= gapAbove;
            double gap = down ? gapBelow : gapAbove;
            if (gap > 0 && gap * gap > best * (1 + MARGIN) + MARGIN) {
                break;
            }
            int at = down ? below-- : above++;
            double d = squaredDistance(query, offset, at, best);
            if (d < best || (d == best && ids[at] < bestId)) {
                best = d;
                bestId = ids[at];
            }
        }
        found[0] = bestId;
        squared[0] = best;
    }

    private int lowerBound(double target) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (projections[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Summed in dimension order as {@link KdTree} does; once above {@code bound} returned unfinished. */
    private double squaredDistance(double[] query, int offset, int at, double bound) {
        double d = 0;
        int base = at * dimensions;
        for (int j = 0; j < dimensions; j++) {
            double diff = query[offset + j] - points[base + j];
            d += diff * diff;
            if (d > bound) {
                return d;
            }
        }
        return d;
    }
}
