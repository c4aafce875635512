package com.segments.algorithms;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.ParameterSpec;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.Inertia;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * K-Means on Tribuo's {@link KMeansTrainer} with k-means++ initialisation. Like scikit-learn's {@code n_init},
 * it runs several seeded restarts and keeps the one with the lowest inertia: one k-means++ start alone reaches the
 * best inertia far less often. Restarts run in parallel, one thread each; the winner is chosen by inertia, then by
 * restart number, so the result does not depend on the number of cores.
 */
public final class TribuoKMeansAlgorithm implements ClusteringAlgorithm {

    public static final String ID = "tribuo-kmeans";


    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID,
            "K-Means (Lloyd) with k-means++ initialisation; keeps the best of several seeded restarts",
            "Tribuo " + Tribuo.VERSION,
            List.of(new ParameterSpec("k", "number of segments", 2, 1000, 4),
                    new ParameterSpec("restarts", "k-means++ restarts; the lowest inertia wins (scikit-learn's n_init)", 1, 100, 10),
                    new ParameterSpec("maxIterations", "Lloyd iterations per restart at most", 1, 10_000, 300)));

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
        int k = parameters.get("k");
        int restarts = parameters.get("restarts");
        int maxIterations = parameters.get("maxIterations");
        FitSupport.checkFittable(data, k);

        MutableDataset<ClusterID> dataset = TribuoData.dataset(data);
        long[] seeds = restartSeeds(seed, restarts);
        List<Restart> results = runRestarts(dataset, data, k, maxIterations, seeds);
        Restart best = results.getFirst();
        for (Restart candidate : results) {
            if (candidate.inertia < best.inertia) {
                best = candidate; // strict: ties keep the earlier restart
            }
        }
        return new ClusteringResult(best.labels, best.rule, best.inertia, Map.of(
                "restarts", restarts,
                "bestRestart", best.index + 1,
                "restartInertias", Arrays.stream(results.stream().mapToDouble(r -> r.inertia).toArray()).boxed().toList()));
    }

    private static long[] restartSeeds(long seed, int restarts) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = new long[restarts];
        for (int r = 0; r < restarts; r++) {
            seeds[r] = random.nextLong();
        }
        return seeds;
    }

    private static List<Restart> runRestarts(MutableDataset<ClusterID> dataset, DataMatrix data, int k,
                                             int maxIterations, long[] seeds) {
        int threads = Math.max(1, Math.min(seeds.length, FitSupport.threads()));
        if (threads == 1) {
            List<Restart> results = new ArrayList<>();
            for (int r = 0; r < seeds.length; r++) {
                results.add(restart(dataset, data, k, maxIterations, seeds[r], r));
            }
            return results;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kmeans-restart");
            thread.setDaemon(true);
            return thread;
        })) {
            List<Future<Restart>> futures = new ArrayList<>();
            for (int r = 0; r < seeds.length; r++) {
                int index = r;
                futures.add(pool.submit(() -> restart(dataset, data, k, maxIterations, seeds[index], index)));
            }
            List<Restart> results = new ArrayList<>();
            for (Future<Restart> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentsException("k-means was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Restart restart(MutableDataset<ClusterID> dataset, DataMatrix data, int k, int maxIterations,
                                   long seed, int index) {
        KMeansTrainer trainer = new KMeansTrainer(k, maxIterations, new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(dataset);
        int d = data.columns();
        DenseVector[] vectors = model.getCentroidVectors();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        double[] centroids = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                // Tribuo numbers features by sorted name; look each column up by its name to be sure.
                centroids[c * d + j] = vectors[c].get(features.get(TribuoData.featureName(j)).getID());
            }
        }
        double[] rows = data.rowMajorView();
        NearestCentroidRule rule = NearestCentroidRule.fromCentroids(k, d, centroids, rows);
        int[] labels = rule.labelAll(rows);
        return new Restart(index, rule, labels, Inertia.of(data, labels, rule));
    }

    private record Restart(int index, NearestCentroidRule rule, int[] labels, double inertia) {
    }
}
