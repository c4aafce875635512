package com.segments.benchmarks;

import com.segments.algorithms.kmeans.KMeansAlgorithm;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.ClusterQuality;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.metric.Stability;
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
 * What judging a segmentation costs: all quality metrics (silhouette exact up to 10,000 rows, stratified sample
 * above), and k-means stability from B = 10 bootstrap refits of up to 3,000 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class QualityBenchmark {

    @Param({"10000", "100000"})
    int rows;

    private DataMatrix data;
    private int[] labels;
    private final KMeansAlgorithm kmeans = new KMeansAlgorithm();
    private AlgorithmParameters parameters;

    @Setup
    public void setUp() {
        data = FitBenchmark.mixture(rows, 42);
        parameters = kmeans.descriptor().resolve(Map.of("k", FitBenchmark.SEGMENTS, "restarts", 3));
        ClusteringResult result = kmeans.fit(data, parameters, 1L);
        labels = result.labels();
    }

    @Benchmark
    public ClusterQuality qualityMetrics() {
        return ClusterQuality.of(data, labels, Silhouette.DEFAULT_MAX_ROWS, 3L);
    }

    @Benchmark
    public Stability.Result stabilityTenRefits() {
        return Stability.bootstrap(data, labels, FitBenchmark.SEGMENTS, Stability.samples(data, 10, 3000, 5L), 5L,
                (sample, seed) -> kmeans.fit(sample, parameters, seed).rule());
    }
}
