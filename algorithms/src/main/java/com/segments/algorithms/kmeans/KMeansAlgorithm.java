package com.segments.algorithms.kmeans;

import com.segments.algorithms.FitSupport;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.ParameterSpec;
import com.segments.domain.feature.DataMatrix;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * K-Means written here on flat arrays: greedy k-means++ seeding, Lloyd's iterations with Hamerly's bounds, empty
 * segments repaired, the best of several seeded restarts (scikit-learn's {@code n_init}), optional sample weights,
 * and above {@value #AUTO_SAMPLE_ABOVE_ROWS} rows a fit on a seeded sample followed by one pass over every row.
 * Work is split into chunks whose size does not depend on the thread count and sums are added in chunk order, so
 * the same seed gives the same labels and centres on any number of threads. See docs/kmeans.md.
 */
public final class KMeansAlgorithm implements ClusteringAlgorithm {

    public static final String ID = "kmeans";

    /**
     * Convergence tolerance relative to the data (scikit-learn's {@code tol}): iterations stop when the centres moved
     * by at most this times the mean per-feature variance, in total squared distance.
     */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    /** Above this many rows, {@code sampleRows = 0} fits on a sample of {@value #AUTO_SAMPLE_ROWS} rows. */
    public static final int AUTO_SAMPLE_ABOVE_ROWS = 2_000_000;

    /** Rows of the automatic sample: at least 1,000 per segment at the largest k. */
    public static final int AUTO_SAMPLE_ROWS = 1_000_000;

    /** Below this many rows, restarts run side by side, one per thread; above, each iteration is split in chunks. */
    private static final int PARALLEL_RESTARTS_BELOW_ROWS = 50_000;

    private static final long SAMPLE_SALT = 0x5DEECE66DL;

    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID,
            "K-Means (Lloyd with Hamerly's bounds) with greedy k-means++ seeding; keeps the best of several seeded restarts",
            "Segments k-means 1",
            List.of(new ParameterSpec("k", "number of segments", 2, 1000, 4),
                    new ParameterSpec("restarts", "k-means++ restarts; the lowest inertia wins (scikit-learn's n_init)", 1, 100, 10),
                    new ParameterSpec("maxIterations", "Lloyd iterations per restart at most", 1, 10_000, 300),
                    new ParameterSpec("sampleRows", "fit on a seeded sample of this many rows, then assign every row; "
                            + "0 = automatic (" + AUTO_SAMPLE_ROWS + " rows above " + AUTO_SAMPLE_ABOVE_ROWS + ")",
                            0, 100_000_000, 0)));

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supportsWeights() {
        return true;
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
        return fit(data, parameters, seed, FitContext.NONE);
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
        int k = parameters.get("k");
        double[] weights = context.weights();
        checkFittable(data, weights, k);
        int fitRows = rowsToFit(data.rows(), parameters.get("sampleRows"), k);
        context.checkCancelled();
        try (ChunkPool pool = new ChunkPool(FitSupport.threads())) {
            KMeansData all = KMeansData.of(data, weights, k);
            KMeansData fitted = all;
            if (fitRows < data.rows()) {
                fitted = all.select(FitSupport.sample(data.rows(), fitRows, seed ^ SAMPLE_SALT), k);
                checkSample(fitted, k);
            }
            Restarts.Best best = new Restarts(fitted, k, parameters.get("maxIterations"), pool, context)
                    .run(parameters.get("restarts"), seed);
            Members members = fitted == all ? new Members(best.labels(), best.distances(), best.inertia())
                    : assignAll(all, best.centres(), k, pool);
            NearestCentroidRule rule = NearestCentroidRule.fromMembers(k, data.columns(), best.centres(),
                    members.labels, members.distances);
            return new ClusteringResult(members.labels, rule, members.inertia,
                    diagnostics(best, fitted, all, parameters.get("sampleRows")));
        }
    }

    /** What {@link #runFrom} ended with: the centres, the inertia of every row by them, and the iterations run. */
    public record FixedStart(double[] centres, double inertia, int iterations) {
    }

    /**
     * Lloyd's iterations from given centres and nothing else (scikit-learn's {@code init=array, n_init=1}): what the
     * benchmarks time per iteration against scikit-learn run the same way. {@code relativeTolerance} 0 stops only when
     * no label changes.
     */
    public FixedStart runFrom(DataMatrix data, double[] initialCentres, int maxIterations, double relativeTolerance) {
        int k = initialCentres.length / data.columns();
        try (ChunkPool pool = new ChunkPool(FitSupport.threads())) {
            KMeansData all = KMeansData.of(data, null, k);
            double tolerance = relativeTolerance == 0 ? 0 : all.tolerance(relativeTolerance, pool);
            Lloyd.Outcome outcome = Lloyd.forData(all, k, pool).run(initialCentres, null, maxIterations, tolerance,
                    FitContext.NONE);
            return new FixedStart(outcome.centres(), outcome.inertia(), outcome.iterations());
        }
    }

    private static Map<String, Object> diagnostics(Restarts.Best best, KMeansData fitted, KMeansData all, int sampleRows) {
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("restarts", best.inertias().length);
        diagnostics.put("bestRestart", best.index() + 1);
        diagnostics.put("restartInertias", Arrays.stream(best.inertias()).boxed().toList());
        diagnostics.put("iterations", best.iterations());
        diagnostics.put("converged", best.converged());
        diagnostics.put("sampled", fitted != all);
        diagnostics.put("fittedRows", fitted.n);
        if (fitted != all) {
            diagnostics.put("sampleInertia", best.inertia());
            diagnostics.put("sampledBecause", sampleRows == 0
                    ? "k-means fits on a sample above " + AUTO_SAMPLE_ABOVE_ROWS + " rows; parameter sampleRows sets its size"
                    : "parameter sampleRows = " + sampleRows);
        }
        return diagnostics;
    }

    /** Rows to fit on: all of them, the user's sample size, or the automatic sample above the threshold. */
    static int rowsToFit(int rows, int sampleRows, int k) {
        if (sampleRows == 0) {
            return rows > AUTO_SAMPLE_ABOVE_ROWS ? AUTO_SAMPLE_ROWS : rows;
        }
        if (sampleRows < k) {
            throw new SegmentsException("parameter sampleRows = " + sampleRows + " must be 0 (automatic) or at least k = " + k);
        }
        return Math.min(rows, sampleRows);
    }

    private static void checkFittable(DataMatrix data, double[] weights, int k) {
        if (weights != null && weights.length != data.rows()) {
            throw new SegmentsException(weights.length + " weights for " + data.rows() + " rows");
        }
        FitSupport.checkFittable(data, k);
        if (weights != null && distinctWeighted(data.rowMajorView(), data.rows(), data.columns(), weights, k) < k) {
            throw new SegmentsException("k = " + k + " segments need " + k + " distinct rows with a weight above 0");
        }
    }

    private static void checkSample(KMeansData sample, int k) {
        if (distinctWeighted(sample.x, sample.n, sample.d, sample.weights, k) < k) {
            throw new SegmentsException("the sample of " + sample.n + " rows (parameter sampleRows) has fewer than k = "
                    + k + " distinct rows with a weight above 0; sample more rows");
        }
    }

    /** Distinct rows with a positive weight (all rows when unweighted), counted up to {@code enough}. */
    private static int distinctWeighted(double[] x, int n, int d, double[] weights, int enough) {
        Set<List<Double>> distinct = new HashSet<>();
        for (int i = 0; i < n && distinct.size() < enough; i++) {
            if (weights == null || weights[i] > 0) {
                distinct.add(Arrays.stream(x, i * d, (i + 1) * d).boxed().toList());
            }
        }
        return distinct.size();
    }

    private record Members(int[] labels, double[] distances, double inertia) {
    }

    /** One exact pass over every row: nearest centre, distance to it, and the weighted inertia in chunk order. */
    private static Members assignAll(KMeansData data, double[] centres, int k, ChunkPool pool) {
        int[] labels = new int[data.n];
        double[] distances = new double[data.n];
        double[] chunkInertia = new double[data.chunks];
        int d = data.d;
        pool.forEach(data.chunks, chunk -> {
            int start = data.chunkStart(chunk);
            int end = data.chunkEnd(chunk);
            int[] best = new int[end - start];
            double[] bestSquared = new double[end - start];
            FastestCentroidKernel.chosen().nearestTwo(data.x, start, end, centres, k, d, best, bestSquared,
                    new double[end - start]);
            double inertia = 0;
            for (int i = start; i < end; i++) {
                labels[i] = best[i - start];
                distances[i] = Math.sqrt(bestSquared[i - start]);
                inertia += data.weight(i) * bestSquared[i - start];
            }
            chunkInertia[chunk] = inertia;
        });
        double inertia = 0;
        for (double part : chunkInertia) {
            inertia += part;
        }
        return new Members(labels, distances, inertia);
    }

    /** Seeds of the restarts, drawn from the fit's seed, so restart r is the same run on any number of threads. */
    static long[] restartSeeds(long seed, int restarts) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = new long[restarts];
        for (int r = 0; r < restarts; r++) {
            seeds[r] = random.nextLong();
        }
        return seeds;
    }

    /** Restarts run one after another (each split in chunks) or side by side (small data); the same answer either way. */
    private static final class Restarts {

        record Best(int index, double[] centres, double inertia, int iterations, boolean converged, int[] labels,
                    double[] distances, double[] inertias) {
        }

        private final KMeansData data;
        private final int k;
        private final int maxIterations;
        private final ChunkPool pool;
        private final FitContext context;
        private final double tolerance;

        Restarts(KMeansData data, int k, int maxIterations, ChunkPool pool, FitContext context) {
            this.data = data;
            this.k = k;
            this.maxIterations = maxIterations;
            this.pool = pool;
            this.context = context;
            this.tolerance = data.tolerance(RELATIVE_TOLERANCE, pool);
        }

        Best run(int restarts, long seed) {
            long[] seeds = restartSeeds(seed, restarts);
            Best[] results = new Best[restarts];
            if (restarts > 1 && pool.threads() > 1 && data.n < PARALLEL_RESTARTS_BELOW_ROWS) {
                pool.forEach(restarts, r -> results[r] = once(r, seeds[r], Lloyd.forData(data, k, ChunkPool.SEQUENTIAL),
                        new KMeansPlusPlus(data, ChunkPool.SEQUENTIAL), true));
            } else {
                Lloyd lloyd = Lloyd.forData(data, k, pool);
                KMeansPlusPlus seeding = new KMeansPlusPlus(data, pool);
                double bestInertia = Double.POSITIVE_INFINITY;
                for (int r = 0; r < restarts; r++) {
                    results[r] = once(r, seeds[r], lloyd, seeding, false);
                    if (results[r].inertia() < bestInertia) {
                        bestInertia = results[r].inertia();
                        results[r] = withMembers(results[r], lloyd); // only a new best keeps its labels
                    }
                }
            }
            return best(results);
        }

        private Best once(int index, long seed, Lloyd lloyd, KMeansPlusPlus seeding, boolean keepMembers) {
            context.checkCancelled();
            double[] initial = seeding.centres(k, new SplittableRandom(seed), context);
            Lloyd.Outcome outcome = lloyd.run(initial, seeding, maxIterations, tolerance, context);
            Best best = new Best(index, outcome.centres(), outcome.inertia(), outcome.iterations(), outcome.converged(),
                    null, null, null);
            return keepMembers ? withMembers(best, lloyd) : best;
        }

        private static Best withMembers(Best best, Lloyd lloyd) {
            return new Best(best.index(), best.centres(), best.inertia(), best.iterations(), best.converged(),
                    lloyd.labels.clone(), lloyd.upper.clone(), null);
        }

        /** The lowest inertia; ties keep the earlier restart. */
        private static Best best(Best[] results) {
            Best best = results[0];
            double[] inertias = new double[results.length];
            for (int r = 0; r < results.length; r++) {
                inertias[r] = results[r].inertia();
                if (results[r].inertia() < best.inertia()) {
                    best = results[r];
                }
            }
            return new Best(best.index(), best.centres(), best.inertia(), best.iterations(), best.converged(),
                    best.labels(), best.distances(), inertias);
        }
    }
}
