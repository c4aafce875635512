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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One new customer assigned by the HDBSCAN rule (approximate prediction over the stored training rows) beside the
 * nearest-centroid rule of k-means at the same d: the REST predict hot path after preprocessing. The HDBSCAN model is
 * fitted in the setup on {@code rows} blobs-with-noise rows of 8 features (HdbscanSideBySide's data); the centroid
 * rule has one centre per segment HDBSCAN found (the means of its members). Customers are fresh rows of the same
 * distribution (another seed), so the HDBSCAN rule takes its full path (1-NN, then 2 x minSamples neighbours).
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

    private AssignmentRule hdbscan;
    private NearestCentroidRule centroids;
    private double[][] customers;
    private int next;

    @Setup
    public void setUp() {
        int d = HdbscanSideBySide.FEATURES;
        double[] training = HdbscanSideBySide.blobs(rows, 42);
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
        double[] fresh = HdbscanSideBySide.blobs(1024, 7);
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
