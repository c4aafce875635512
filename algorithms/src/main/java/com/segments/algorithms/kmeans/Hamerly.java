package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;

/**
 * Hamerly's bounds: per row an upper bound on the distance to its centre and one lower bound on the distance to any
 * other, moved by how far centres moved. Two numbers per row, so it suits many rows and small k, where most rows
 * skip every distance once centres settle.
 */
final class Hamerly extends Lloyd {

    private final double[] lower;
    private double largestDrift;
    private double secondDrift;

    Hamerly(KMeansData data, int k, ChunkPool pool) {
        super(data, k, pool);
        this.lower = new double[data.n];
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
    void assignExactly(int i, double[] scratch) {
        labels[i] = CentroidDistances.nearestTwo(data.x, i * d, centres, k, d, scratch, 0);
        upper[i] = Math.sqrt(scratch[0]);
        lower[i] = Math.sqrt(scratch[1]);
    }

    @Override
    void assignSeeded(int i, KMeansPlusPlus seeded) {
        labels[i] = seeded.nearest[i];
        upper[i] = Math.sqrt(seeded.closest[i]);
        lower[i] = Math.sqrt(seeded.second[i]);
    }

    /**
     * Moves the bounds by the last drift; only when they cannot rule out a nearer centre, tightens the upper bound to
     * the exact distance, and only when that still cannot, looks at every centre.
     */
    @Override
    boolean assignWithin(int i, double[] scratch) {
        int a = labels[i];
        double u = upper[i] + drift[a];
        double bound = bound(i, a);
        if (u > bound) {
            u = Math.sqrt(CentroidDistances.squared(data.x, i * d, centres, a * d, d));
        }
        boolean moved = false;
        if (u > bound) {
            assignExactly(i, scratch);
            moved = labels[i] != a;
        } else {
            upper[i] = u;
        }
        return moved;
    }

    @Override
    double finalSquaredDistance(int i, double[] scratch) {
        int a = labels[i];
        double bound = bound(i, a);
        double squared = CentroidDistances.squared(data.x, i * d, centres, a * d, d);
        if (Math.sqrt(squared) > bound) {
            assignExactly(i, scratch);
            return scratch[0];
        }
        upper[i] = Math.sqrt(squared);
        return squared;
    }

    /** Moves the lower bound by the largest drift of another centre; returns the distance within which a is nearest. */
    private double bound(int i, int a) {
        lower[i] -= drift[a] == largestDrift ? secondDrift : largestDrift;
        return Math.max(half[a], lower[i]) * (1 - MARGIN);
    }
}
