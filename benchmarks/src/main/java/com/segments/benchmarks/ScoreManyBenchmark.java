package com.segments.benchmarks;

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
 * {@link Assignment} per row on one thread ({@code rowByRow}, what scoring did before). scikit-learn's {@code predict}
 * on the same rows is timed by {@code benchmarks/scripts/kmeans-blobs-vs-sklearn.sh}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScoreManyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ScoreManyBenchmark {

    @Param({"1000000"})
    int rows;

    private double[] values;
    private NearestCentroidRule rule;
    private double[] centres;

    @Setup
    public void setUp() {
        DataMatrix data = FitBenchmark.mixture(rows, 42);
        values = data.rowMajorView();
        centres = Arrays.copyOf(values, FitBenchmark.SEGMENTS * FitBenchmark.FEATURES);
        rule = NearestCentroidRule.fromCentroids(FitBenchmark.SEGMENTS, FitBenchmark.FEATURES, centres, values);
    }

    @Benchmark
    public Assignments blockwise() {
        return rule.assignAll(values);
    }

    /** The distance kernel alone on one thread: the tiled, column-wise one that block scoring uses. */
    @Benchmark
    public int[] kernelTiledOneThread() {
        int[] best = new int[rows];
        double[] bestSquared = new double[rows];
        double[] secondSquared = new double[rows];
        CentroidDistances.nearestTwoMany(values, 0, rows, centres, FitBenchmark.SEGMENTS, FitBenchmark.FEATURES, best,
                bestSquared, secondSquared);
        return best;
    }

    /** The distance kernel alone on one thread: one row against every centre at a time. */
    @Benchmark
    public int[] kernelRowByRowOneThread() {
        int d = FitBenchmark.FEATURES;
        int[] best = new int[rows];
        double[] two = new double[2];
        for (int i = 0; i < rows; i++) {
            best[i] = CentroidDistances.nearestTwo(values, i * d, centres, FitBenchmark.SEGMENTS, d, two, 0);
        }
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
