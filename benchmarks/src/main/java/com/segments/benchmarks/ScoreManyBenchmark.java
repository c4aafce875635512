package com.segments.benchmarks;

import com.segments.algorithms.kmeans.FastestCentroidKernel;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.NearestCentroidRule;
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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Scoring many preprocessed rows at once (batch scoring, {@code score}, the CSV upload): nearest centre, distance,
 * confidence and outlier flag for 1M rows × 16 with k = 8, block-wise on every core ({@code blockwise}) against one
 * {@link Assignment} per row on one thread ({@code rowByRow}, what scoring did before), on the vector kernel or the
 * scalar reference ({@code kernel}; {@code rowByRow} does not use it). scikit-learn's {@code predict}
 * on the same rows is timed by {@code benchmarks/scripts/kmeans-blobs-vs-sklearn.sh}.
 *
 * <p>The heap is touched in advance ({@code -XX:+AlwaysPreTouch}): otherwise each pass's output arrays land on heap
 * pages the OS has never mapped, and the page faults (about 100 ms per pass while the young generation first fills)
 * drown the kernel being measured.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScoreManyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
public class ScoreManyBenchmark {

    @Param({"1000000"})
    int rows;

    /** The many-rows kernel: the Vector API one, or the scalar reference (what scoring ran before it). */
    @Param({"vector", "scalar"})
    String kernel;

    private double[] values;
    private NearestCentroidRule rule;
    private double[] centres;

    @Setup
    public void setUp() {
        System.setProperty("segments.kernel", kernel);
        CentroidDistances.useKernel(FastestCentroidKernel.chosen()); // as the composition root does
        if (!CentroidDistances.kernel().toString().startsWith(kernel)) {
            throw new IllegalStateException("asked for the " + kernel + " kernel, got " + CentroidDistances.kernel());
        }
        DataMatrix data = FitBenchmark.mixture(rows, 42);
        values = data.rowMajorView();
        centres = Arrays.copyOf(values, FitBenchmark.SEGMENTS * FitBenchmark.FEATURES);
        rule = NearestCentroidRule.fromCentroids(FitBenchmark.SEGMENTS, FitBenchmark.FEATURES, centres, values);
    }

    @Benchmark
    public Assignments blockwise() {
        return rule.assignAll(values);
    }

    /** The distance kernel alone on one thread: nearest two centres of every row, no scoring around it. */
    @Benchmark
    public int[] kernelOneThread() {
        int[] best = new int[rows];
        double[] bestSquared = new double[rows];
        double[] secondSquared = new double[rows];
        CentroidDistances.nearestTwoMany(values, 0, rows, centres, FitBenchmark.SEGMENTS, FitBenchmark.FEATURES, best,
                bestSquared, secondSquared);
        return best;
    }

    @Benchmark
    public int[] rowByRow() {
        int d = FitBenchmark.FEATURES;
        int[] segments = new int[rows];
        double[] row = new double[d];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * d, row, 0, d);
            segments[i] = rule.assign(row).segment();
        }
        return segments;
    }
}
