package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.FitContext;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding as scikit-learn does it: the first centre drawn by weight, then at each step
 * {@code 2 + ln k} candidates drawn with probability proportional to weight times squared distance to the nearest
 * centre so far, keeping the candidate that lowers the total the most. Trying several candidates per step is what
 * makes single starts reach the best inertia far more often than plain k-means++.
 */
final class KMeansPlusPlus {

    private final KMeansData data;
    private final ChunkPool pool;
    /** Squared distance of each row to its nearest centre chosen so far. */
    private final double[] closest;
    /** Per chunk, the sum of weight times {@link #closest}: the chunks' share of the potential. */
    private final double[] chunkMass;

    KMeansPlusPlus(KMeansData data, ChunkPool pool) {
        this.data = data;
        this.pool = pool;
        this.closest = new double[data.n];
        this.chunkMass = new double[data.chunks];
    }

    /** k centres, row-major, drawn from the rows. */
    double[] centres(int k, SplittableRandom random, FitContext context) {
        int d = data.d;
        double[] centres = new double[k * d];
        int first = data.weights == null ? random.nextInt(data.n) : pickByWeight(random.nextDouble());
        System.arraycopy(data.x, first * d, centres, 0, d);
        update(centres, 0);
        int trials = 2 + (int) Math.log(k);
        int[] candidates = new int[trials];
        for (int c = 1; c < k; c++) {
            context.checkCancelled();
            double potential = sum(chunkMass);
            for (int t = 0; t < trials; t++) {
                candidates[t] = pick(random.nextDouble() * potential);
            }
            int best = candidates[bestCandidate(candidates)];
            System.arraycopy(data.x, best * d, centres, c * d, d);
            update(centres, c);
        }
        return centres;
    }

    /** Lowers {@link #closest} to the distance to centre {@code c} where that is nearer, and refreshes the masses. */
    private void update(double[] centres, int c) {
        int d = data.d;
        pool.forEach(data.chunks, chunk -> {
            double mass = 0;
            for (int i = data.chunkStart(chunk); i < data.chunkEnd(chunk); i++) {
                double distance = CentroidDistances.squared(data.x, i * d, centres, c * d, d);
                if (c == 0 || distance < closest[i]) {
                    closest[i] = distance;
                }
                mass += data.weight(i) * closest[i];
            }
            chunkMass[chunk] = mass;
        });
    }

    /** Index into {@code candidates} of the one whose choice leaves the lowest potential (ties: the earlier). */
    private int bestCandidate(int[] candidates) {
        int trials = candidates.length;
        int d = data.d;
        double[] partial = new double[data.chunks * trials];
        pool.forEach(data.chunks, chunk -> {
            int o = chunk * trials;
            for (int i = data.chunkStart(chunk); i < data.chunkEnd(chunk); i++) {
                double w = data.weight(i);
                for (int t = 0; t < trials; t++) {
                    double distance = CentroidDistances.squared(data.x, i * d, data.x, candidates[t] * d, d);
                    partial[o + t] += w * Math.min(closest[i], distance);
                }
            }
        });
        int best = 0;
        double bestPotential = Double.POSITIVE_INFINITY;
        for (int t = 0; t < trials; t++) {
            double potential = 0;
            for (int chunk = 0; chunk < data.chunks; chunk++) {
                potential += partial[chunk * trials + t];
            }
            if (potential < bestPotential) {
                bestPotential = potential;
                best = t;
            }
        }
        return best;
    }

    /**
     * The first row where the running sum of weight times {@link #closest} reaches {@code target} (scikit-learn's
     * searchsorted on the cumulative sum); the last row with any mass when rounding leaves the target unreached.
     */
    private int pick(double target) {
        double before = 0;
        int lastChunkWithMass = -1;
        for (int chunk = 0; chunk < data.chunks; chunk++) {
            if (chunkMass[chunk] <= 0) {
                continue;
            }
            lastChunkWithMass = chunk;
            if (before + chunkMass[chunk] >= target) {
                double running = before;
                for (int i = data.chunkStart(chunk); i < data.chunkEnd(chunk); i++) {
                    double mass = data.weight(i) * closest[i];
                    running += mass;
                    if (mass > 0 && running >= target) {
                        return i;
                    }
                }
            }
            before += chunkMass[chunk];
        }
        for (int i = data.chunkEnd(lastChunkWithMass) - 1; i >= data.chunkStart(lastChunkWithMass); i--) {
            if (data.weight(i) * closest[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no row has any distance left to the centres chosen so far");
    }

    /** The first row drawn with probability proportional to its weight: {@code u} uniform in [0, 1). */
    private int pickByWeight(double u) {
        double total = 0;
        for (double w : data.weights) {
            total += w;
        }
        double target = u * total;
        double running = 0;
        int last = -1;
        for (int i = 0; i < data.n; i++) {
            if (data.weights[i] > 0) {
                running += data.weights[i];
                last = i;
                if (running > target) {
                    return i;
                }
            }
        }
        return last;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
