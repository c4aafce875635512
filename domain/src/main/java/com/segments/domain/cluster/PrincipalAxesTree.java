package com.segments.domain.cluster;

import java.util.Arrays;

/**
 * Exact nearest-neighbour search over a few hundred to a few thousand points in many dimensions, for the one-row
 * predictions of {@link NearestNeighbourRule}. A k-d tree in 17 dimensions prunes little; but projected on their
 * first few principal axes (here up to {@value #AXES}) the points keep most of their spread, and the distance between
 * two projections never exceeds the distance between the points (the axes are orthonormal). So the tree is built on
 * the projections, where it prunes well, and a point's full distance is summed only when its projected distance
 * could still beat the best so far: on CC GENERAL's condensed Ward exemplars about 1% of them pass that test.
 *
 * <p>The answer is exactly {@link KdTree}'s: squared Euclidean distance summed over the original dimensions in order,
 * ties to the lower original index; every pruning test keeps a margin far above rounding, so it never drops a point
 * that could win. The tree is implicit (median splits along the widest projected axis, points reordered in place, so a
 * leaf reads one stretch of memory) and the search keeps the squared distance from the query to each cell (Arya and
 * Mount's incremental distance). Immutable; safe for concurrent queries.
 */
final class PrincipalAxesTree {

    /** Principal axes the tree splits on: beyond six, CC GENERAL's exemplars pass the projected test under 1%. */
    static final int AXES = 6;
    private static final int LEAF = 8;
    private static final int POWER_ITERATIONS = 60;
    /** Relative margin on every pruning test: far above the rounding of an orthonormal projection. */
    private static final double MARGIN = 1e-9;

    private final int dimensions;
    private final int axes;
    private final int size;
    private final double[] points;
    private final double[] projected;
    private final int[] ids;
    private final int[] splitAxis;
    private final double[] mean;
    private final double[] basis;

    PrincipalAxesTree(double[] points, int dimensions) {
        this.dimensions = dimensions;
        this.size = points.length / dimensions;
        this.axes = Math.min(AXES, dimensions);
        this.mean = mean(points, dimensions, size);
        this.basis = principalAxes(points, dimensions, size, mean, axes);
        this.points = points.clone();
        this.projected = new double[size * axes];
        for (int i = 0; i < size; i++) {
            project(this.points, i * dimensions, projected, i * axes);
        }
        this.ids = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        this.splitAxis = new int[size];
        RowSelection.medianTree(projected, axes, 0, size, LEAF, splitAxis, this::swap);
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

    /**
     * {@code count} orthonormal axes, row-major, by block power iteration from a fixed start with Gram-Schmidt after
     * each step: deterministic, and any orthonormal set is correct (the principal ones prune best).
     */
    private static double[] principalAxes(double[] points, int dimensions, int size, double[] mean, int count) {
        double[] basis = new double[count * dimensions];
        for (int a = 0; a < count; a++) {
            basis[a * dimensions + a] = 1;
            basis[a * dimensions + (a + 1) % dimensions] += 0.5;
        }
        orthonormalise(basis, count, dimensions);
        double[] centred = new double[dimensions];
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            double[] next = new double[count * dimensions];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < dimensions; j++) {
                    centred[j] = points[i * dimensions + j] - mean[j];
                }
                for (int a = 0; a < count; a++) {
                    double dot = 0;
                    for (int j = 0; j < dimensions; j++) {
                        dot += centred[j] * basis[a * dimensions + j];
                    }
                    for (int j = 0; j < dimensions; j++) {
                        next[a * dimensions + j] += dot * centred[j];
                    }
                }
            }
            orthonormalise(next, count, dimensions);
            basis = next;
        }
        return basis;
    }

    /** Gram-Schmidt in place; an axis that vanishes (degenerate data) becomes a unit axis orthogonal to the others. */
    private static void orthonormalise(double[] basis, int count, int dimensions) {
        for (int a = 0; a < count; a++) {
            for (int attempt = 0; attempt <= dimensions; attempt++) {
                for (int b = 0; b < a; b++) {
                    double dot = 0;
                    for (int j = 0; j < dimensions; j++) {
                        dot += basis[a * dimensions + j] * basis[b * dimensions + j];
                    }
                    for (int j = 0; j < dimensions; j++) {
                        basis[a * dimensions + j] -= dot * basis[b * dimensions + j];
                    }
                }
                double norm = 0;
                for (int j = 0; j < dimensions; j++) {
                    norm += basis[a * dimensions + j] * basis[a * dimensions + j];
                }
                if (norm > 1e-12) {
                    for (int j = 0; j < dimensions; j++) {
                        basis[a * dimensions + j] /= Math.sqrt(norm);
                    }
                    break;
                }
                Arrays.fill(basis, a * dimensions, (a + 1) * dimensions, 0);
                basis[a * dimensions + (a + attempt) % dimensions] = 1;
            }
        }
    }

    private void project(double[] row, int offset, double[] out, int outOffset) {
        for (int a = 0; a < axes; a++) {
            double dot = 0;
            for (int j = 0; j < dimensions; j++) {
                dot += (row[offset + j] - mean[j]) * basis[a * dimensions + j];
            }
            out[outOffset + a] = dot;
        }
    }

    private void swap(int a, int b) {
        swapRange(points, a, b, dimensions);
        swapRange(projected, a, b, axes);
        int t = ids[a];
        ids[a] = ids[b];
        ids[b] = t;
    }

    private static void swapRange(double[] values, int a, int b, int width) {
        for (int j = 0; j < width; j++) {
            double t = values[a * width + j];
            values[a * width + j] = values[b * width + j];
            values[b * width + j] = t;
        }
    }

    /**
     * The nearest point to the query row at {@code offset}: its original index into {@code found[0]} and its squared
     * distance into {@code squared[0]}.
     */
    void nearest(double[] query, int offset, int[] found, double[] squared) {
        Search search = new Search(query, offset);
        project(query, offset, search.projectedQuery, 0);
        search.descend(0, size, 0);
        found[0] = search.bestId;
        squared[0] = search.best;
    }

    /** One query's state. */
    private final class Search {
        private final double[] query;
        private final int offset;
        private final double[] projectedQuery = new double[axes];
        private final double[] cellOffset = new double[axes];
        private double best = Double.POSITIVE_INFINITY;
        private int bestId = Integer.MAX_VALUE;

        Search(double[] query, int offset) {
            this.query = query;
            this.offset = offset;
        }

        /** A lower bound above this cannot hide a point as near as the best (margin for rounding). */
        private double limit() {
            return best * (1 + MARGIN) + MARGIN;
        }

        /** Searches rows {@code low..high}, whose cell lies {@code cellDistance} (squared, projected) from the query. */
        void descend(int low, int high, double cellDistance) {
            if (high - low <= LEAF) {
                for (int i = low; i < high; i++) {
                    consider(i);
                }
                return;
            }
            int middle = (low + high) >>> 1;
            int axis = splitAxis[middle];
            double difference = projectedQuery[axis] - projected[middle * axes + axis];
            consider(middle);
            boolean lowFirst = difference < 0;
            descend(lowFirst ? low : middle + 1, lowFirst ? middle : high, cellDistance);
            double previous = cellOffset[axis];
            double farDistance = cellDistance - previous + difference * difference;
            if (farDistance <= limit()) {
                cellOffset[axis] = difference * difference;
                descend(lowFirst ? middle + 1 : low, lowFirst ? high : middle, farDistance);
                cellOffset[axis] = previous;
            }
        }

        private void consider(int row) {
            double limit = limit();
            double bound = 0;
            int base = row * axes;
            for (int a = 0; a < axes; a++) {
                double diff = projectedQuery[a] - projected[base + a];
                bound += diff * diff;
            }
            if (bound > limit) {
                return;
            }
            // summed as KdTree sums it, so that equal distances tie exactly as there
            double d = 0;
            base = row * dimensions;
            for (int j = 0; j < dimensions; j++) {
                double diff = query[offset + j] - points[base + j];
                d += diff * diff;
                if (d > best) {
                    return;
                }
            }
            int id = ids[row];
            if (d < best || id < bestId) {
                best = d;
                bestId = id;
            }
        }
    }
}
