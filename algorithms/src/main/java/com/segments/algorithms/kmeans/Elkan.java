package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;

import java.util.Arrays;

/**
 * Elkan's bounds: per row an upper bound on the distance to its centre and a lower bound on the distance to each
 * centre, plus the distances between centres. It measures far fewer distances than {@link Hamerly} on overlapping
 * segments, yet ran slower wherever it was measured (keeping k bounds per row costs more than the distances saved),
 * so it runs only when a benchmark asks for it ({@link Lloyd#forData}); the known-answer tests hold it to the same
 * results.
 */
final class Elkan extends Lloyd {

    private final double[] lower;
    /** Half the distance between each pair of centres, k × k. */
    private final double[] between;

    Elkan(KMeansData data, int k, ChunkPool pool) {
        super(data, k, pool);
        this.lower = new double[data.n * k];
        this.between = new double[k * k];
    }

    @Override
    void prepare() {
        halfDistances();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double distance = 0.5 * Math.sqrt(CentroidDistances.squared(centres, a * d, centres, b * d, d));
                between[a * k + b] = distance;
                between[b * k + a] = distance;
            }
        }
    }

    @Override
    int assignChunk(int from, int to, boolean first, KMeansPlusPlus seeded) {
        double[] scratch = new double[Math.max(2, k)];
        int moved = 0;
        for (int i = from; i < to; i++) {
            if (first) {
                if (seeded != null) {
                    assignSeeded(i, seeded);
                } else {
                    assignExactly(i, scratch);
                }
                moved++;
            } else if (assignWithin(i, scratch)) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    double inertiaOf(int from, int to) {
        double[] scratch = new double[Math.max(2, k)];
        double inertia = 0;
        for (int i = from; i < to; i++) {
            relabel(i, true, scratch);
            inertia += data.weight(i) * scratch[0];
        }
        return inertia;
    }

    /** Labels row {@code i} with every distance measured, and sets its bounds. */
    private void assignExactly(int i, double[] scratch) {
        int base = i * k;
        int best = 0;
        double bestSquared = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double squared = CentroidDistances.squared(data.x, i * d, centres, c * d, d);
            lower[base + c] = Math.sqrt(squared);
            if (squared < bestSquared) {
                bestSquared = squared;
                best = c;
            }
        }
        labels[i] = best;
        upper[i] = Math.sqrt(bestSquared);
        scratch[0] = bestSquared;
    }

    private void assignSeeded(int i, KMeansPlusPlus seeded) {
        int base = i * k;
        Arrays.fill(lower, base, base + k, Math.sqrt(seeded.second[i]));
        labels[i] = seeded.nearest[i];
        upper[i] = Math.sqrt(seeded.closest[i]);
        lower[base + labels[i]] = upper[i];
    }

    /** Moves row {@code i}'s bounds by the last drift and relabels it; true when its label changed. */
    private boolean assignWithin(int i, double[] scratch) {
        int a = labels[i];
        relabel(i, false, scratch);
        return labels[i] != a;
    }

    /**
     * Moves the bounds by the last drift, then measures only the centres the bounds cannot rule out; the nearest
     * measured wins, ties to the lower id. With {@code exact}, the distance to the row's centre is always measured and
     * its square left in {@code scratch[0]}.
     */
    private void relabel(int i, boolean exact, double[] scratch) {
        int base = i * k;
        for (int c = 0; c < k; c++) {
            lower[base + c] = Math.max(0, lower[base + c] - drift[c]);
        }
        int best = labels[i];
        double u = upper[i] + drift[best];
        double bestSquared = Double.NaN;
        if (exact || u > half[best] * (1 - MARGIN)) {
            for (int c = 0; c < k; c++) {
                if (c == best || u <= Math.max(lower[base + c], between[best * k + c]) * (1 - MARGIN)) {
                    continue;
                }
                if (Double.isNaN(bestSquared)) {
                    bestSquared = CentroidDistances.squared(data.x, i * d, centres, best * d, d);
                    u = Math.sqrt(bestSquared);
                    lower[base + best] = u;
                    if (u <= Math.max(lower[base + c], between[best * k + c]) * (1 - MARGIN)) {
                        continue;
                    }
                }
                double squared = CentroidDistances.squared(data.x, i * d, centres, c * d, d);
                lower[base + c] = Math.sqrt(squared);
                if (squared < bestSquared || (squared == bestSquared && c < best)) {
                    best = c;
                    bestSquared = squared;
                    u = lower[base + c];
                }
            }
        }
        if (exact && Double.isNaN(bestSquared)) {
            bestSquared = CentroidDistances.squared(data.x, i * d, centres, best * d, d);
            u = Math.sqrt(bestSquared);
        }
        labels[i] = best;
        upper[i] = u;
        scratch[0] = bestSquared;
    }
}
