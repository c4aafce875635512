package com.segments.benchmarks;

import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.ClusteringResult;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One new customer assigned by the HDBSCAN rule (approximate prediction over the stored training rows) beside the
 * nearest-centroid rule of k-means at the same d: the REST predict hot path after preprocessing. The HDBSCAN model is
 * fitted in the setup on {@code rows} blobs-with-noise rows of 8 features (HdbscanSideBySide's data); the centroid
 * rule has one centre per segment HDBSCAN found (the means of its members). Customers are 1,024 fresh rows, never
 * stored, so the HDBSCAN rule takes its full path (a stored-row check, then the 2 x minSamples nearest rows):
 * {@code sameBlobs} rows drawn after the training rows from the same blobs and noise (80% inside a blob, 20% uniform
 * noise: what a model is asked about), {@code otherBlobs} rows of blobs around other centres (another seed), so
 * nearly every customer lies far from every training row: the k-d tree's worst case, which is what this benchmark
 * measured before the split.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HdbscanPredictBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HdbscanPredictBenchmark {

    @Param({"20000"})
    int rows;

    @Param({"sameBlobs", "otherBlobs"})
    String customerKind;

    private AssignmentRule hdbscan;
    private NearestCentroidRule centroids;
    private double[][] customers;
    private int next;

    @Setup
    public void setUp() {
        int d = HdbscanSideBySide.FEATURES;
        double[] drawn = HdbscanSideBySide.blobs(rows + 1024, 42);
        double[] training = Arrays.copyOf(drawn, rows * d);
        HdbscanAlgorithm algorithm = new HdbscanAlgorithm();
        ClusteringResult fit = algorithm.fit(DataMatrix.wrap(rows, d, training),
                algorithm.descriptor().resolve(Map.of("minClusterSize", 50)), 0L);
        hdbscan = fit.rule();
        int k = hdbscan.segmentCount();
        double[] centres = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < rows; i++) {
            int label = fit.labels()[i];
            if (label != Assignment.NOISE) {
                counts[label]++;
                for (int j = 0; j < d; j++) {
                    centres[label * d + j] += training[i * d + j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centres[c * d + j] /= Math.max(1, counts[c]);
            }
        }
        centroids = new NearestCentroidRule(k, d, centres, new double[k]);
        double[] fresh = switch (customerKind) {
            case "sameBlobs" -> Arrays.copyOfRange(drawn, rows * d, drawn.length);
            case "otherBlobs" -> HdbscanSideBySide.blobs(1024, 7);
            default -> throw new IllegalArgumentException("customerKind is sameBlobs or otherBlobs, not " + customerKind);
        };
        customers = new double[1024][d];
        for (int i = 0; i < customers.length; i++) {
            System.arraycopy(fresh, i * d, customers[i], 0, d);
        }
    }

    @Benchmark
    public Assignment hdbscanRule() {
        return hdbscan.assign(customers[next++ & 1023]);
    }

    @Benchmark
    public Assignment nearestCentroidRule() {
        return centroids.assign(customers[next++ & 1023]);
    }
}
