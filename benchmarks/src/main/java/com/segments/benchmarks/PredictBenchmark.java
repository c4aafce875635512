package com.segments.benchmarks;

import com.segments.application.LiveDrift;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.drift.DriftThresholds;
import com.segments.domain.drift.SignificanceTests;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Standardisation;
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

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Predicting one customer through the domain path, as REST predict and batch scoring both do: median imputation,
 * standardisation, nearest of k centroids. 17 raw features and k = 8 as in the CC GENERAL case. Each call copies
 * a raw customer into a reused buffer (as the scorer does), so what is measured allocates only the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PredictBenchmark {

    @Param({"17"})
    int features;

    @Param({"8"})
    int k;

    private FittedPreprocessing preprocessing;
    private NearestCentroidRule rule;
    private double[][] customers;
    private double[] buffer;
    private int next;
    private ModelVersion version;
    private LiveDrift live;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        double[] medians = new double[features];
        double[] means = new double[features];
        double[] scales = new double[features];
        for (int j = 0; j < features; j++) {
            medians[j] = random.nextDouble(0, 1000);
            means[j] = random.nextDouble(0, 1000);
            scales[j] = random.nextDouble(10, 500);
        }
        preprocessing = new FittedPreprocessing(List.of(new Imputation(medians), new Standardisation(means, scales)));
        double[] centroids = new double[k * features];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = random.nextGaussian();
        }
        double[] radius = new double[k];
        java.util.Arrays.fill(radius, 3.0);
        rule = new NearestCentroidRule(k, features, centroids, radius);
        customers = new double[1024][features];
        for (double[] customer : customers) {
            for (int j = 0; j < features; j++) {
                customer[j] = random.nextDouble() < 0.02 ? Double.NaN : random.nextDouble(0, 3000);
            }
        }
        buffer = new double[features];

        List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("f" + j);
        }
        FeatureSchema schema = new FeatureSchema(null, names);
        List<Segment> segments = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            segments.add(new Segment(c, 100, 1.0 / k, rule.centroid(c), new double[features]));
        }
        double[] raw = new double[customers.length * features];
        int[] labels = new int[customers.length];
        boolean[] outliers = new boolean[customers.length];
        for (int i = 0; i < customers.length; i++) {
            System.arraycopy(customers[i], 0, raw, i * features, features);
            double[] copy = customers[i].clone();
            preprocessing.transformInPlace(copy);
            Assignment a = rule.assign(copy);
            labels[i] = a.segment();
            outliers[i] = a.outlier();
        }
        TrainedModel model = new TrainedModel("kmeans", new AlgorithmParameters(java.util.Map.of("k", k)), 42, schema,
                preprocessing, rule, segments, new ModelMetrics(1, 0.5, 100, 0, 1, 1),
                new DataFingerprint("bench", customers.length, "ab".repeat(32)), java.util.Map.of())
                .withReference(DriftReference.fit(schema, raw, labels, outliers, k));
        version = new ModelVersion(1, java.time.Instant.EPOCH, "benchmark", model);
        live = new LiveDrift(10_000, null, new SignificanceTests() {
            @Override
            public double ksPValue(double d, int n, int m) {
                return Double.NaN;
            }

            @Override
            public double chiSquarePValue(double statistic, int degreesOfFreedom) {
                return Double.NaN;
            }
        }, DriftThresholds.DEFAULTS);
    }

    @Benchmark
    public Assignment predictOne() {
        double[] customer = customers[next++ & 1023];
        System.arraycopy(customer, 0, buffer, 0, features);
        preprocessing.transformInPlace(buffer);
        return rule.assign(buffer);
    }

    /**
     * The same, counted in the live drift window as PredictSegment does when live drift is on: a copy of the raw
     * values before they are transformed, then one row into the version's bins and segments.
     */
    @Benchmark
    public Assignment predictOneCountedLive() {
        double[] customer = customers[next++ & 1023];
        System.arraycopy(customer, 0, buffer, 0, features);
        double[] seen = buffer.clone();
        preprocessing.transformInPlace(buffer);
        Assignment assignment = rule.assign(buffer);
        live.observe(version, seen, assignment);
        return assignment;
    }
}
