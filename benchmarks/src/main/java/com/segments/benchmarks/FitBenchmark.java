package com.segments.benchmarks;

import com.segments.algorithms.SmileHierarchicalAlgorithm;
import com.segments.algorithms.TribuoHdbscanAlgorithm;
import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.algorithms.TribuoKMeansAlgorithm;
import com.segments.algorithms.kmeans.KMeansAlgorithm;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Fitting each plugin on rows × 16 features drawn from 8 Gaussian segments: what a user waits for in
 * {@code segments train}. Hierarchical and Tribuo's HDBSCAN fit on a 10,000-row sample above that size (their
 * memory guardrail) and assign the rest with their rule, so their time at 100k and 1M is that of the sample plus the
 * assignment; our HDBSCAN ({@code hdbscan}) fits every row. One shot per iteration: a fit is seconds, not nanoseconds.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FitBenchmark -p rows=10000,100000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "--add-modules=jdk.incubator.vector"})
public class FitBenchmark {

    static final int FEATURES = 16;
    static final int SEGMENTS = 8;

    @Param({"kmeans", "tribuo-kmeans", "ward", "hdbscan", "tribuo-hdbscan"})
    String algorithm;

    @Param({"10000", "100000", "1000000"})
    int rows;

    private Map<String, Integer> parameters;
    private DataMatrix data;

    @Setup
    public void setUp() {
        data = mixture(rows, 42);
        parameters = switch (algorithm) {
            case "kmeans", "tribuo-kmeans" -> Map.of("k", SEGMENTS, "restarts", 3);
            case "ward" -> Map.of("k", SEGMENTS);
            case "hdbscan", "tribuo-hdbscan" -> Map.of("minClusterSize", 50);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    @Benchmark
    public ClusteringResult fit() {
        // A new plugin per fit: the hierarchical plugin keeps trees per data set, and a benchmark must not time a
        // cache hit.
        ClusteringAlgorithm plugin = switch (algorithm) {
            case "kmeans" -> new KMeansAlgorithm();
            case "tribuo-kmeans" -> new TribuoKMeansAlgorithm();
            case "ward" -> new SmileHierarchicalAlgorithm.Ward();
            case "hdbscan" -> new HdbscanAlgorithm();
            default -> new TribuoHdbscanAlgorithm();
        };
        return plugin.fit(data, plugin.descriptor().resolve(parameters), 7L);
    }

    static DataMatrix mixture(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[SEGMENTS][FEATURES];
        for (double[] centre : centres) {
            for (int j = 0; j < FEATURES; j++) {
                centre[j] = random.nextGaussian() * 4;
            }
        }
        double[] values = new double[rows * FEATURES];
        for (int i = 0; i < rows; i++) {
            double[] centre = centres[random.nextInt(SEGMENTS)];
            for (int j = 0; j < FEATURES; j++) {
                values[i * FEATURES + j] = centre[j] + random.nextGaussian();
            }
        }
        return DataMatrix.wrap(rows, FEATURES, values);
    }
}
