package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;
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
    private double largestDrift;
    private double secondDrift;

    Hamerly(KMeansData data, int k, ChunkPool pool) {
        super(data, k, pool);
        this.lower = new double[data.n];
        this.kernel = FastestCentroidKernel.chosen();
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
        Unsettled rows = new Unsettled(to - from);
        for (int i = from; i < to; i++) {
            if (first || !settled(i)) {
                rows.add(i);
            }
        }
        rows.measure();
        int moved = first ? to - from : 0;
        for (int r = 0; r < rows.count; r++) {
            int i = rows.ids[r];
            if (rows.best[r] != labels[i] && !first) {
                moved++;
            }
            rows.settle(r);
        }
        return moved;
    }

    @Override
    double inertiaOf(int from, int to) {
        double[] squared = new double[to - from];
        Unsettled rows = new Unsettled(to - from);
        for (int i = from; i < to; i++) {
            int a = labels[i];
            double bound = bound(i, a);
            double own = CentroidDistances.squared(data.x, i * d, centres, a * d, d);
            if (Math.sqrt(own) > bound) {
                rows.add(i);
            } else {
                upper[i] = Math.sqrt(own);
                squared[i - from] = own;
            }
        }
        rows.measure();
        for (int r = 0; r < rows.count; r++) {
            rows.settle(r);
            squared[rows.ids[r] - from] = rows.bestSquared[r];
        }
        double inertia = 0;
        for (int i = from; i < to; i++) {
            inertia += data.weight(i) * squared[i - from];
        }
        return inertia;
    }

    /**
     * Moves the bounds by the last drift and, only when they cannot rule out a nearer centre, tightens the upper bound
     * to the exact distance; true when row {@code i} keeps its centre without looking at the others.
     */
    private boolean settled(int i) {
        int a = labels[i];
        double u = upper[i] + drift[a];
        double bound = bound(i, a);
        if (u > bound) {
            u = Math.sqrt(CentroidDistances.squared(data.x, i * d, centres, a * d, d));
        }
        if (u > bound) {
            return false;
        }
        upper[i] = u;
        return true;
    }

    /** Moves the lower bound by the largest drift of another centre; returns the distance within which a is nearest. */
    private double bound(int i, int a) {
        lower[i] -= drift[a] == largestDrift ? secondDrift : largestDrift;
        return Math.max(half[a], lower[i]) * (1 - MARGIN);
    }

    /** The rows of one chunk to measure against every centre, and what the kernel answered for them. */
    private final class Unsettled {

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

        void add(int row) {
            ids[count++] = row;
        }

        void measure() {
            kernel.nearestTwoOf(data.x, ids, count, centres, k, d, best, bestSquared, secondSquared);
        }

        /** Row {@code ids[r]} takes its nearest centre, and bounds from the two nearest distances. */
        void settle(int r) {
            int i = ids[r];
            labels[i] = best[r];
            upper[i] = Math.sqrt(bestSquared[r]);
            lower[i] = Math.sqrt(secondSquared[r]);
        }
    }
}
