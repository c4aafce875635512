package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.CentroidKernel;
import com.segments.domain.cluster.FitContext;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding as scikit-learn does it: the first centre drawn by weight, then at each step
 * {@code 2 + ln k} candidates drawn with probability proportional to weight times squared distance to the nearest
 * centre so far, keeping the candidate that lowers the total the most. Trying several candidates per step is what
 * makes single starts reach the best inertia far more often than plain k-means++.
 *
 * <p>The triangle inequality skips most distances without changing any number: a row whose nearest centre is at
 * least twice its distance away from a candidate cannot come nearer to the candidate. Seeding also leaves each row's
 * nearest centre and a lower bound on its second nearest, so Lloyd's first assignment pass needs no distance.
 */
final class KMeansPlusPlus {

    /** A skip must hold with this relative margin, far above rounding, so it never changes a result. */
    private static final double MARGIN = 1e-9;

    private final KMeansData data;
    private final ChunkPool pool;
    /** Squared distance of each row to its nearest centre chosen so far. */
    final double[] closest;
    /** Each row's nearest centre so far (ties to the lower id). */
    final int[] nearest;
    /** A lower bound on each row's squared distance to every chosen centre but its nearest. */
    final double[] second;
    /** Per chunk, the sum of weight times {@link #closest}: the chunks' share of the potential. */
    private final double[] chunkMass;

    /** Each worker's buffers, one chunk long. */
    private final ThreadLocal<Scratch> scratch;
    private final CentroidKernel kernel = FastestCentroidKernel.chosen();

    KMeansPlusPlus(KMeansData data, ChunkPool pool) {
        this.data = data;
        this.pool = pool;
        int chunkRows = data.chunkRows;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(chunkRows)); // arrays only: keeps no fit alive
        this.closest = new double[data.n];
        this.nearest = new int[data.n];
        this.second = new double[data.n];
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
            double potential = 0;
            for (double mass : chunkMass) {
                potential += mass;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = pick(random.nextDouble() * potential);
            }
            int best = candidates[bestCandidate(candidates, centres, c)];
            System.arraycopy(data.x, best * d, centres, c * d, d);
            update(centres, c);
        }
        return centres;
    }

    /** Takes centre {@code c} into each row's nearest and second nearest, and refreshes the masses. */
    private void update(double[] centres, int c) {
        int d = data.d;
        double[] apart = new double[c];
        for (int other = 0; other < c; other++) {
            apart[other] = CentroidDistances.squared(centres, c * d, centres, other * d, d);
        }
        pool.forEach(data.chunks, chunk -> {
            Scratch scratch = this.scratch.get();
            int from = data.chunkStart(chunk);
            int to = data.chunkEnd(chunk);
            int count = 0;
            for (int i = from; i < to; i++) {
                if (c == 0) {
                    scratch.ids[count++] = i;
                } else if (apart[nearest[i]] >= 4 * closest[i] * (1 + MARGIN)) {
                    double gap = Math.sqrt(apart[nearest[i]]) - Math.sqrt(closest[i]);
                    second[i] = Math.min(second[i], gap * gap * (1 - MARGIN));
                } else {
                    scratch.ids[count++] = i;
                }
            }
            kernel.squaredTo(data.x, scratch.ids, count, centres, c * d, d, scratch.distances);
            for (int r = 0; r < count; r++) {
                int i = scratch.ids[r];
                if (c == 0) {
                    closest[i] = scratch.distances[r];
                    nearest[i] = 0;
                    second[i] = Double.POSITIVE_INFINITY;
                } else {
                    take(i, c, scratch.distances[r]);
                }
            }
            double mass = 0;
            for (int i = from; i < to; i++) {
                mass += data.weight(i) * closest[i];
            }
            chunkMass[chunk] = mass;
        });
    }

    private void take(int i, int c, double distance) {
        if (distance < closest[i]) {
            second[i] = closest[i];
            closest[i] = distance;
            nearest[i] = c;
        } else {
            second[i] = Math.min(second[i], distance);
        }
    }

    /** Index into {@code candidates} of the one whose choice leaves the lowest potential (ties: the earlier). */
    private int bestCandidate(int[] candidates, double[] centres, int chosen) {
        int trials = candidates.length;
        int d = data.d;
        double[] apart = new double[trials * chosen];
        for (int t = 0; t < trials; t++) {
            for (int c = 0; c < chosen; c++) {
                apart[t * chosen + c] = CentroidDistances.squared(data.x, candidates[t] * d, centres, c * d, d);
            }
        }
        double[] partial = new double[data.chunks * trials];
        pool.forEach(data.chunks, chunk -> {
            Scratch scratch = this.scratch.get();
            int from = data.chunkStart(chunk);
            int to = data.chunkEnd(chunk);
            for (int t = 0; t < trials; t++) {
                // the rows the candidate may come nearer to, measured together; the rest keep their potential
                int count = 0;
                for (int i = from; i < to; i++) {
                    scratch.potential[i - from] = closest[i];
                    if (apart[t * chosen + nearest[i]] < 4 * closest[i] * (1 + MARGIN)) {
                        scratch.ids[count++] = i;
                    }
                }
                kernel.squaredTo(data.x, scratch.ids, count, data.x, candidates[t] * d, d, scratch.distances);
                for (int r = 0; r < count; r++) {
                    int at = scratch.ids[r] - from;
                    scratch.potential[at] = Math.min(scratch.potential[at], scratch.distances[r]);
                }
                double sum = 0; // in row order, as each candidate's sum always was
                for (int i = from; i < to; i++) {
                    sum += data.weight(i) * scratch.potential[i - from];
                }
                partial[chunk * trials + t] = sum;
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

    /** The rows of one chunk to measure, their distances, and each row's potential for one candidate. */
    private static final class Scratch {

        final int[] ids;
        final double[] distances;
        final double[] potential;

        Scratch(int rows) {
            ids = new int[rows];
            distances = new double[rows];
            potential = new double[rows];
        }
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
}
