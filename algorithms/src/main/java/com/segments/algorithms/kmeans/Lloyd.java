package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.FitContext;

import java.util.Arrays;

/**
 * Lloyd's iterations from given centres, as scikit-learn runs them, with distance bounds left to subclasses
 * ({@link Hamerly}, {@link Elkan}). Bounds never change an answer: a centre is only ruled out for a row when it is
 * farther by a relative {@link #MARGIN} that covers rounding, and among the centres measured the nearest wins with
 * ties to the lower id, exactly as {@link CentroidDistances#nearest} decides. So labels equal plain Lloyd's and the
 * prediction rule's.
 *
 * <p>Centre sums are kept per chunk. A chunk where many labels changed (and every chunk of weighted data) has its
 * sums recomputed in row order; where few changed, the moved rows are taken out of their old segment's sums and added
 * to their new one's, in row order, so a late pass reads only the rows that moved. Centres add the chunks up in chunk
 * order. Which chunk takes which path depends on the labels alone, so the result is independent of the thread count;
 * a centre from moved-row updates can differ from a fresh sum's by a few units in the last place.
 * Buffers are sized once for the data and k, and reused by every restart run on them.
 */
abstract sealed class Lloyd permits Hamerly, Elkan {

    /** Bounds are trusted only with this relative margin, far above the rounding of a few hundred iterations. */
    static final double MARGIN = 1e-9;

    /**
     * A chunk where more than this fraction of rows changed label has its sums recomputed from the rows; below it, the
     * moved rows are taken out of one segment's sums and added to another's.
     */
    private static final int RESUM_FRACTION = 4;

    final KMeansData data;
    final ChunkPool pool;
    final int k;
    final int d;
    final int[] labels;
    /** Upper bound on each row's distance to its centre; after {@link #run} the exact distance. */
    final double[] upper;
    /** How far each centre moved in the last update. */
    final double[] drift;
    /** Half the distance from each centre to its nearest other centre: within it, no other centre can be nearer. */
    final double[] half;
    double[] centres;

    private final double[] partialSums;
    private final double[] partialWeights;
    private final int[] changed;
    private final double[] chunkInertia;
    private double[] next;
    /** Each worker's copy of a chunk's labels before a pass (an int array only: it keeps no fit alive). */
    private final ThreadLocal<int[]> previousLabels;

    Lloyd(KMeansData data, int k, ChunkPool pool) {
        this.data = data;
        this.pool = pool;
        this.k = k;
        this.d = data.d;
        this.labels = new int[data.n];
        this.upper = new double[data.n];
        this.drift = new double[k];
        this.half = new double[k];
        this.centres = new double[k * d];
        this.next = new double[k * d];
        this.partialSums = new double[data.chunks * k * d];
        this.partialWeights = new double[data.chunks * k];
        this.changed = new int[data.chunks];
        this.chunkInertia = new double[data.chunks];
        int chunkRows = data.chunkRows;
        this.previousLabels = ThreadLocal.withInitial(() -> new int[chunkRows]);
    }

    /**
     * Hamerly's bounds: measured faster than Elkan's on CC GENERAL at every k from 2 to 50 and on 100k blobs up to
     * k = 300 (docs/kmeans.md), because Elkan's k bounds per row cost more to keep than the distances they save. The
     * system property {@code segments.kmeans.bounds=elkan} picks Elkan's, for benchmarks; the answer is the same.
     */
    static Lloyd forData(KMeansData data, int k, ChunkPool pool) {
        return "elkan".equals(System.getProperty("segments.kmeans.bounds")) ? new Elkan(data, k, pool)
                : new Hamerly(data, k, pool);
    }

    /** What one run from initial centres ended with; labels and distances stay in {@link #labels} and {@link #upper}. */
    record Outcome(double[] centres, double inertia, int iterations, boolean converged) {
    }

    /**
     * Iterates from {@code initial} as scikit-learn's Lloyd does: stop when no label changes, when the centres moved
     * by at most {@code tolerance} in total squared distance, or after {@code maxIterations}; then label every row
     * by the final centres and measure the inertia. With {@code seeded} (the seeding that chose {@code initial}), the
     * first assignment is taken from it instead of measured: the same labels, from distances already computed.
     */
    Outcome run(double[] initial, KMeansPlusPlus seeded, int maxIterations, double tolerance, FitContext context) {
        System.arraycopy(initial, 0, centres, 0, centres.length);
        Arrays.fill(drift, 0);
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations && !converged) {
            context.checkCancelled();
            boolean first = iterations == 0;
            prepare();
            int moved = assign(first, seeded);
            iterations++;
            double shift = updateCentres();
            converged = (!first && moved == 0) || shift <= tolerance;
        }
        prepare();
        double inertia = finish();
        return new Outcome(centres.clone(), inertia, iterations, converged);
    }

    /** Whatever the bounds need from the current centres, computed before each pass over the rows. */
    abstract void prepare();

    /**
     * Labels rows {@code from} to {@code to} (one chunk) by the current centres and sets their bounds; returns how
     * many labels changed (every row on the {@code first} pass). With {@code first} and {@code seeded}, each row takes
     * its nearest centre as seeding left it, and bounds from the distances seeding knows.
     */
    abstract int assignChunk(int from, int to, boolean first, KMeansPlusPlus seeded);

    /**
     * Final labels of rows {@code from} to {@code to} by the final centres, exact distances in {@link #upper}, and
     * their weighted squared distances summed in row order.
     */
    abstract double inertiaOf(int from, int to);

    /** Labels every row by the current centres; returns how many labels changed. Dirty chunks get new partial sums. */
    private int assign(boolean first, KMeansPlusPlus seeded) {
        pool.forEach(data.chunks, chunk -> {
            int from = data.chunkStart(chunk);
            int to = data.chunkEnd(chunk);
            int[] before = null;
            if (!first && data.weights == null) {
                before = previousLabels.get();
                System.arraycopy(labels, from, before, 0, to - from);
            }
            int moved = assignChunk(from, to, first, seeded);
            changed[chunk] = moved;
            if (moved > 0 && (before == null || moved > (to - from) / RESUM_FRACTION)) {
                sumChunk(chunk);
            } else if (moved > 0) {
                moveInSums(chunk, before);
            }
        });
        int moved = 0;
        for (int c : changed) {
            moved += c;
        }
        return moved;
    }

    /**
     * Moves each row of the chunk whose label changed from its old segment's sums to its new one's, in row order:
     * a pass where few rows move reads only those rows instead of the whole chunk. Only without weights, where
     * every weight is 1 and the counts stay exact: a segment that empties in a chunk gets its sums reset to exact
     * zeros, so nothing of a departed row lingers.
     */
    private void moveInSums(int chunk, int[] before) {
        int sums = chunk * k * d;
        int weights = chunk * k;
        int from = data.chunkStart(chunk);
        for (int i = from; i < data.chunkEnd(chunk); i++) {
            int old = before[i - from];
            int now = labels[i];
            if (old == now) {
                continue;
            }
            int row = i * d;
            int o = sums + old * d;
            int n = sums + now * d;
            for (int j = 0; j < d; j++) {
                partialSums[o + j] -= data.x[row + j];
                partialSums[n + j] += data.x[row + j];
            }
            if (--partialWeights[weights + old] == 0) {
                Arrays.fill(partialSums, o, o + d, 0);
            }
            partialWeights[weights + now]++;
        }
    }

    /** Recomputes one chunk's weighted centre sums from its labels, in row order. */
    private void sumChunk(int chunk) {
        int sums = chunk * k * d;
        int weights = chunk * k;
        Arrays.fill(partialSums, sums, sums + k * d, 0);
        Arrays.fill(partialWeights, weights, weights + k, 0);
        for (int i = data.chunkStart(chunk); i < data.chunkEnd(chunk); i++) {
            double w = data.weight(i);
            int o = sums + labels[i] * d;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                partialSums[o + j] += w * data.x[row + j];
            }
            partialWeights[weights + labels[i]] += w;
        }
    }

    /**
     * New centres: chunk sums added in chunk order, divided by the weight; an empty segment takes the row farthest
     * from its centre. Sets each centre's drift and returns the total squared shift.
     */
    private double updateCentres() {
        double[] weights = new double[k];
        Arrays.fill(next, 0);
        for (int chunk = 0; chunk < data.chunks; chunk++) {
            int sums = chunk * k * d;
            for (int v = 0; v < k * d; v++) {
                next[v] += partialSums[sums + v];
            }
            for (int c = 0; c < k; c++) {
                weights[c] += partialWeights[chunk * k + c];
            }
        }
        relocateEmpty(weights);
        double shift = 0;
        for (int c = 0; c < k; c++) {
            if (weights[c] > 0) {
                for (int j = 0; j < d; j++) {
                    next[c * d + j] /= weights[c];
                }
            } else {
                System.arraycopy(centres, c * d, next, c * d, d); // nothing left to average: stay put
            }
            double moved = CentroidDistances.squared(next, c * d, centres, c * d, d);
            drift[c] = Math.sqrt(moved);
            shift += moved;
        }
        double[] swap = centres;
        centres = next;
        next = swap;
        return shift;
    }

    /**
     * scikit-learn's repair of empty segments: each takes one of the rows (with weight) farthest from their centre,
     * farthest first, ties to the lower row; the row's weight moves from its old segment's sums to the new one.
     */
    private void relocateEmpty(double[] weights) {
        int empty = 0;
        for (double w : weights) {
            if (w <= 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        double[] distance = new double[data.n];
        pool.forEach(data.chunks, chunk -> {
            for (int i = data.chunkStart(chunk); i < data.chunkEnd(chunk); i++) {
                distance[i] = data.weight(i) > 0
                        ? CentroidDistances.squared(data.x, i * d, centres, labels[i] * d, d) : -1;
            }
        });
        for (int c = 0; c < k; c++) {
            int far = weights[c] > 0 ? -1 : farthest(distance);
            if (far < 0 || distance[far] <= 0) {
                continue; // not empty, or every row sits on its centre: nothing to move
            }
            distance[far] = -1;
            int old = labels[far];
            double w = data.weight(far);
            for (int j = 0; j < d; j++) {
                next[old * d + j] -= w * data.x[far * d + j];
                next[c * d + j] = w * data.x[far * d + j];
            }
            weights[old] -= w;
            weights[c] = w;
        }
    }

    private static int farthest(double[] distance) {
        int far = -1;
        double best = -1;
        for (int i = 0; i < distance.length; i++) {
            if (distance[i] > best) {
                best = distance[i];
                far = i;
            }
        }
        return far;
    }

    /** Half the distance from each centre to its nearest other centre, into {@link #half}. */
    void halfDistances() {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double distance = 0.5 * Math.sqrt(CentroidDistances.squared(centres, a * d, centres, b * d, d));
                half[a] = Math.min(half[a], distance);
                half[b] = Math.min(half[b], distance);
            }
        }
    }

    /** Final labels by the final centres, exact distances in {@link #upper}, and the inertia summed in chunk order. */
    private double finish() {
        pool.forEach(data.chunks, chunk -> chunkInertia[chunk] = inertiaOf(data.chunkStart(chunk), data.chunkEnd(chunk)));
        double inertia = 0;
        for (double part : chunkInertia) {
            inertia += part;
        }
        return inertia;
    }
}
