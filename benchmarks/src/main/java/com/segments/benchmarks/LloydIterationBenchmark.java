package com.segments.benchmarks;

import com.segments.algorithms.kmeans.FastestCentroidKernel;
import com.segments.algorithms.kmeans.KMeansAlgorithm;
import com.segments.domain.feature.DataMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One Lloyd iteration of our k-means on 1M × 16, k = 8, as scikit-learn's is measured in
 * {@code benchmarks/scripts/kmeans-blobs-vs-sklearn.sh}: {@value #ITERATIONS} iterations from fixed centres (the
 * first 8 rows) with tolerance 0, timed whole and divided by the iterations (setup checks that none stops early).
 * Everything a fit from given centres does is in it: the first pass measuring every distance, the bounded passes,
 * centre updates, the final labelling and inertia. {@code bounds} forces Hamerly's or Elkan's bounds, {@code kernel}
 * the vector or the scalar distance kernel (same answer).
 *
 * <p>The heap is touched in advance ({@code -XX:+AlwaysPreTouch}), as in {@link ScoreManyBenchmark}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LloydIterationBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
public class LloydIterationBenchmark {

    static final int ITERATIONS = 10;

    @Param({"1000000"})
    int rows;

    @Param({"hamerly", "elkan"})
    String bounds;

    /** The many-rows kernel Hamerly's passes measure unsettled rows with (Elkan's measures row by row). */
    @Param({"vector", "scalar"})
    String kernel;

    private DataMatrix data;
    private double[] initial;
    private final KMeansAlgorithm kmeans = new KMeansAlgorithm();

    @Setup
    public void setUp() {
        System.setProperty("segments.kmeans.bounds", bounds);
        System.setProperty("segments.kernel", kernel);
        if (!FastestCentroidKernel.chosen().toString().startsWith(kernel)) {
            throw new IllegalStateException("asked for the " + kernel + " kernel, got " + FastestCentroidKernel.chosen());
        }
        data = FitBenchmark.mixture(rows, 42);
        initial = Arrays.copyOf(data.rowMajorView(), FitBenchmark.SEGMENTS * FitBenchmark.FEATURES);
        int ran = kmeans.runFrom(data, initial, ITERATIONS, 0).iterations();
        if (ran != ITERATIONS) {
            throw new IllegalStateException("the run converged after " + ran + " iterations; pick a slower start");
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public KMeansAlgorithm.FixedStart iteration() {
        return kmeans.runFrom(data, initial, ITERATIONS, 0);
    }
}
