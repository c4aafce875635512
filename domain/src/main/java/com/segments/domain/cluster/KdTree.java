package com.segments.domain.cluster;

/**
 * A k-d tree over points held in one flat row-major array, so that a nearest-neighbour query visits a few dozen
 * points instead of all of them. It is built from the points (O(n log n)) whenever a rule is made or read, and never
 * stored: the stored form of a rule stays its plain points.
 *
 * <p>The tree is implicit: the points are reordered so that the point in the middle of every range splits it, along
 * the dimension in which the range is widest; small ranges are leaves searched point by point. Ties in distance go
 * to the lower original index, so an answer never depends on the order the tree happened to visit points in. A tree
 * is immutable and may be queried from many threads at once.
 */
public final class KdTree {

    /** Ranges of at most this many points are scanned: cheaper than descending further. */
    private static final int LEAF = 10;

    private final int dimensions;
    private final int size;
    private final double[] points;
    private final int[] ids;
    private final int[] splitDimension;

    /** Indexes the {@code points.length / dimensions} rows of {@code points} (copied; the caller's array is kept). */
    public KdTree(double[] points, int dimensions) {
        if (dimensions < 1 || points.length % dimensions != 0) {
            throw new IllegalArgumentException(points.length + " values are not rows of " + dimensions + " dimensions");
        }
        this.dimensions = dimensions;
        this.size = points.length / dimensions;
        this.points = points.clone();
        this.ids = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        this.splitDimension = new int[size];
        RowSelection.medianTree(this.points, dimensions, 0, size, LEAF, splitDimension, this::swap);
    }

    public int size() {
        return size;
    }

    private void swap(int a, int b) {
        for (int j = 0; j < dimensions; j++) {
            double t = points[a * dimensions + j];
            points[a * dimensions + j] = points[b * dimensions + j];
            points[b * dimensions + j] = t;
        }
        int t = ids[a];
        ids[a] = ids[b];
        ids[b] = t;
    }

    /**
     * The {@code k} nearest points to the query row at {@code offset} of {@code query}, nearest first: their original
     * indices into {@code neighbours} and squared distances into {@code squaredDistances} (both at least {@code k}
     * long). Points whose {@code tags} entry (by original index) equals {@code skipTag} are passed over; {@code tags}
     * may be null to consider every point.
     *
     * @return how many neighbours were found ({@code k}, or fewer when fewer points qualify)
     */
    public int nearest(double[] query, int offset, int k, int[] tags, int skipTag, int[] neighbours,
                       double[] squaredDistances) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Search search = new Search(query, offset, k, tags, skipTag, neighbours, squaredDistances,
                Double.POSITIVE_INFINITY);
        search.descend(0, size, 0.0);
        return search.found;
    }

    /**
     * Original index of the lowest-indexed point at squared distance 0 from the query row, -1 if there is none: the
     * same as {@link #nearest(double[], int)} whenever that answer lies at distance 0, but only the ranges whose
     * bound is 0 are entered (the query's own leaf, and both sides of a split it lies on), so that a query which is
     * not a stored point costs one descent instead of a nearest-neighbour search.
     */
    public int pointAt(double[] query, int offset) {
        int[] neighbour = new int[1];
        double[] distance = new double[1];
        Search search = new Search(query, offset, 1, null, 0, neighbour, distance, 0.0);
        search.descend(0, size, 0.0);
        return search.found == 1 && distance[0] == 0 ? neighbour[0] : -1;
    }

    /** Original index of the nearest point to the query row (ties to the lower index); -1 for an empty tree. */
    public int nearest(double[] query, int offset) {
        int[] neighbour = new int[1];
        double[] distance = new double[1];
        return nearest(query, offset, 1, null, 0, neighbour, distance) == 0 ? -1 : neighbour[0];
    }

    /** One query's state: the best k so far, kept sorted (k is small, so insertion beats a heap). */
    private final class Search {
        private final double[] query;
        private final int offset;
        private final int k;
        private final int[] tags;
        private final int skipTag;
        private final int[] best;
        private final double[] bestDistances;
        private final double[] offsets = new double[dimensions];
        private final double radius;
        private int found;

        /** {@code radius}: only points at a squared distance of at most this are considered. */
        Search(double[] query, int offset, int k, int[] tags, int skipTag, int[] best, double[] bestDistances,
               double radius) {
            this.query = query;
            this.offset = offset;
            this.k = k;
            this.tags = tags;
            this.skipTag = skipTag;
            this.best = best;
            this.bestDistances = bestDistances;
            this.radius = radius;
        }

        private double worst() {
            return found < k ? radius : bestDistances[k - 1];
        }

        /**
         * Visits the range's points nearest side first. {@code boxDistance} is a lower bound on the squared distance
         * from the query to any point of the range, kept incrementally (Arya and Mount): {@code offsets[j]} is the
         * query's offset from the range's box along dimension j, so entering the far side of a split replaces one
         * term of the sum instead of recomputing a box.
         */
        void descend(int low, int high, double boxDistance) {
            if (high - low <= LEAF) {
                for (int i = low; i < high; i++) {
                    consider(i);
                }
                return;
            }
            int middle = (low + high) >>> 1;
            int split = splitDimension[middle];
            double difference = query[offset + split] - points[middle * dimensions + split];
            consider(middle);
            double previous = offsets[split];
            double farDistance = boxDistance - previous * previous + difference * difference;
            if (difference < 0) {
                descend(low, middle, boxDistance);
                if (farDistance <= worst()) {
                    offsets[split] = difference;
                    descend(middle + 1, high, farDistance);
                    offsets[split] = previous;
                }
            } else {
                descend(middle + 1, high, boxDistance);
                if (farDistance <= worst()) {
                    offsets[split] = difference;
                    descend(low, middle, farDistance);
                    offsets[split] = previous;
                }
            }
        }

        private void consider(int row) {
            int id = ids[row];
            if (tags != null && tags[id] == skipTag) {
                return;
            }
            // partial distance: a point stops being summed once it is already farther than the k-th best
            double bound = worst();
            double d = 0;
            int base = row * dimensions;
            for (int j = 0; j < dimensions; j++) {
                double diff = query[offset + j] - points[base + j];
                d += diff * diff;
                if (d > bound) {
                    return;
                }
            }
            if (found == k && !closer(d, id, bestDistances[k - 1], best[k - 1])) {
                return;
            }
            int at = found < k ? found++ : k - 1;
            while (at > 0 && closer(d, id, bestDistances[at - 1], best[at - 1])) {
                bestDistances[at] = bestDistances[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            bestDistances[at] = d;
            best[at] = id;
        }

        private static boolean closer(double d, int id, double otherDistance, int otherId) {
            return d < otherDistance || (d == otherDistance && id < otherId);
        }
    }
}
