package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidKernel;

/**
 * Hamerly's bounds: per row an upper bound on the distance to its centre and one lower bound on the distance to any
 * other, moved by how far centres moved. Two numbers per row, so it suits many rows and small k, where most rows
 * skip every distance once centres settle.
 *
 * <p>A pass first moves every row's bounds; the rows whose bounds cannot settle them are then measured against every
 * centre together, by the many-rows {@link CentroidKernel} (the first passes after a poor start measure nearly every
 * row). Each row's answer depends on that row alone, and the kernel's on the scalar reference's bits, so the order of
 * the work changes nothing.
 */
final class Hamerly extends Lloyd {

    private final double[] lower;
    private final CentroidKernel kernel;
    /**
     * Each worker thread's buffers, one chunk long, reused by every pass instead of allocated per chunk. They hold
     * arrays only (static classes), so a long-lived thread keeps no fit alive through them.
     */
    private final ThreadLocal<Unsettled> unsettled;
    private final ThreadLocal<Tightened> tightened;
    private double largestDrift;
    private double secondDrift;

    Hamerly(KMeansData data, int k, ChunkPool pool) {
        super(data, k, pool);
        this.lower = new double[data.n];
        this.kernel = FastestCentroidKernel.chosen();
        int chunkRows = data.chunkRows;
        this.unsettled = ThreadLocal.withInitial(() -> new Unsettled(chunkRows));
        this.tightened = ThreadLocal.withInitial(() -> new Tightened(chunkRows));
    }

    @Override
    void prepare() {
        halfDistances();
        largestDrift = 0;
        secondDrift = 0;
        for (double v : drift) {
            if (v > largestDrift) {
                secondDrift = largestDrift;
                largestDrift = v;
            } else if (v > secondDrift) {
                secondDrift = v;
            }
        }
    }

    @Override
    int assignChunk(int from, int to, boolean first, KMeansPlusPlus seeded) {
        if (first && seeded != null) {
            for (int i = from; i < to; i++) {
                labels[i] = seeded.nearest[i];
                upper[i] = Math.sqrt(seeded.closest[i]);
                lower[i] = Math.sqrt(seeded.second[i]);
            }
            return to - from;
        }
        Unsettled rows = unsettled.get().reset();
        if (first) {
            for (int i = from; i < to; i++) {
                rows.add(i);
            }
        } else {
            Tightened tight = tightened.get().reset();
            for (int i = from; i < to; i++) {
                int a = labels[i];
                double u = upper[i] + drift[a];
                double bound = bound(i, a);
                if (u <= bound) {
                    upper[i] = u;
                } else {
                    tight.add(i, bound);
                }
            }
            measure(tight);
            for (int t = 0; t < tight.count; t++) {
                double u = Math.sqrt(tight.own[t]);
                if (u > tight.bound[t]) {
                    rows.add(tight.ids[t]);
                } else {
                    upper[tight.ids[t]] = u;
                }
            }
        }
        measure(rows);
        int moved = first ? to - from : 0;
        for (int r = 0; r < rows.count; r++) {
            int i = rows.ids[r];
            if (rows.best[r] != labels[i] && !first) {
                moved++;
            }
            settle(rows, r);
        }
        return moved;
    }

    @Override
    double inertiaOf(int from, int to) {
        double[] squared = new double[to - from];
        Unsettled rows = unsettled.get().reset();
        Tightened all = tightened.get().reset();
        for (int i = from; i < to; i++) {
            all.add(i, bound(i, labels[i]));
        }
        measure(all);
        for (int t = 0; t < all.count; t++) {
            int i = all.ids[t];
            double own = all.own[t];
            if (Math.sqrt(own) > all.bound[t]) {
                rows.add(i);
            } else {
                upper[i] = Math.sqrt(own);
                squared[i - from] = own;
            }
        }
        measure(rows);
        for (int r = 0; r < rows.count; r++) {
            settle(rows, r);
            squared[rows.ids[r] - from] = rows.bestSquared[r];
        }
        double inertia = 0;
        for (int i = from; i < to; i++) {
            inertia += data.weight(i) * squared[i - from];
        }
        return inertia;
    }

    /** Moves the lower bound by the largest drift of another centre; returns the distance within which a is nearest. */
    private double bound(int i, int a) {
        lower[i] -= drift[a] == largestDrift ? secondDrift : largestDrift;
        return Math.max(half[a], lower[i]) * (1 - MARGIN);
    }

    private void measure(Tightened rows) {
        kernel.squaredToOwn(data.x, rows.ids, rows.count, centres, labels, d, rows.own);
    }

    private void measure(Unsettled rows) {
        kernel.nearestTwoOf(data.x, rows.ids, rows.count, centres, k, d, rows.best, rows.bestSquared,
                rows.secondSquared);
    }

    /** Row {@code rows.ids[r]} takes its nearest centre, and bounds from the two nearest distances. */
    private void settle(Unsettled rows, int r) {
        int i = rows.ids[r];
        labels[i] = rows.best[r];
        upper[i] = Math.sqrt(rows.bestSquared[r]);
        lower[i] = Math.sqrt(rows.secondSquared[r]);
    }

    /*
     * The buffers below are static classes holding arrays only: a worker thread's value must not hold this
     * Hamerly (its data, labels and bounds), or the thread-local entry could never be cleared on a long-lived
     * server thread.
     */

    /**
     * The rows of one chunk whose bounds, moved by the last drift, cannot settle them: each is measured against its own
     * centre (all together, by the kernel) and settles there when that exact distance is within its bound.
     */
    private static final class Tightened {

        final int[] ids;
        final double[] bound;
        final double[] own;
        int count;

        Tightened(int capacity) {
            ids = new int[capacity];
            bound = new double[capacity];
            own = new double[capacity];
        }

        Tightened reset() {
            count = 0;
            return this;
        }

        void add(int row, double rowBound) {
            ids[count] = row;
            bound[count++] = rowBound;
        }
    }

    /** The rows of one chunk to measure against every centre, and what the kernel answered for them. */
    private static final class Unsettled {

        final int[] ids;
        final int[] best;
        final double[] bestSquared;
        final double[] secondSquared;
        int count;

        Unsettled(int capacity) {
            ids = new int[capacity];
            best = new int[capacity];
            bestSquared = new double[capacity];
            secondSquared = new double[capacity];
        }

        Unsettled reset() {
            count = 0;
            return this;
        }

        void add(int row) {
            ids[count++] = row;
        }
    }
}
