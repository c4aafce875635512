package com.segments.application;

import com.segments.application.data.CustomerTableReader;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a customer table, fits the preprocessing and the clustering, describes the segments, stores the result as
 * a new model version and activates it. All checks on the input happen before anything is stored.
 */
public final class TrainModel {

    private final ModelRepository models;
    private final AlgorithmCatalog algorithms;
    private final Clock clock;

    public TrainModel(ModelRepository models, AlgorithmCatalog algorithms, Clock clock) {
        this.models = models;
        this.algorithms = algorithms;
        this.clock = clock;
    }

    public TrainingReport train(Command command) {
        ClusteringAlgorithm algorithm = algorithms.require(command.algorithm());
        AlgorithmParameters parameters = algorithm.descriptor().resolve(command.parameters());
        CustomerTableReader.Table table = CustomerTableReader.read(command.data(), command.delimiter());
        CustomerProfiles profiles = table.profiles();
        Integer k = parameters.values().get("k");
        if (k != null && k > profiles.size()) {
            throw new SegmentsException("k = " + k + " segments need at least " + k + " customers; "
                    + table.report().source() + " has " + profiles.size());
        }

        FittedPreprocessing preprocessing = FittedPreprocessing.fitMedianAndStandardise(profiles);
        DataMatrix scaled = preprocessing.transform(profiles.values());
        long started = System.nanoTime();
        ClusteringResult result = algorithm.fit(scaled, parameters, command.seed());
        Duration fitTime = Duration.ofNanos(System.nanoTime() - started);

        int segmentCount = result.rule().segmentCount();
        Silhouette.Result silhouette = silhouette(scaled, result.labels(), segmentCount, command.seed());
        List<Segment> segments = describe(result, preprocessing.impute(profiles.values()));
        TrainedModel model = new TrainedModel(algorithm.id(), parameters, command.seed(), profiles.schema(),
                preprocessing, result.rule(), segments,
                new ModelMetrics(result.inertia(), silhouette.value(), silhouette.rowsUsed()),
                table.fingerprint(), Map.of(algorithm.id(), algorithm.descriptor().library(),
                        "java", Runtime.version().toString()));
        ModelVersion stored = models.add(model, clock.instant());
        models.activate(stored.version());
        return new TrainingReport(stored, table.report(), result.diagnostics(), fitTime);
    }

    private static Silhouette.Result silhouette(DataMatrix scaled, int[] labels, int k, long seed) {
        long occupied = java.util.Arrays.stream(labels).distinct().count();
        if (occupied < 2) {
            return new Silhouette.Result(Double.NaN, 0);
        }
        return Silhouette.compute(scaled, labels, k, Silhouette.DEFAULT_MAX_ROWS, seed);
    }

    /** Sizes, shares and centres of each segment: scaled centres from the rule, original ones from members. */
    private static List<Segment> describe(ClusteringResult result, DataMatrix imputed) {
        int k = result.rule().segmentCount();
        int d = imputed.columns();
        int[] labels = result.labels();
        long[] sizes = new long[k];
        double[][] sums = new double[k][d];
        double[] x = imputed.rowMajorView();
        for (int i = 0; i < labels.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                sums[labels[i]][j] += x[i * d + j];
            }
        }
        List<Segment> segments = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double[] original = new double[d];
            for (int j = 0; j < d; j++) {
                original[j] = sizes[c] == 0 ? Double.NaN : sums[c][j] / sizes[c];
            }
            double[] centre = result.rule() instanceof NearestCentroidRule rule ? rule.centroid(c) : new double[0];
            segments.add(new Segment(c, sizes[c], (double) sizes[c] / labels.length, centre, original));
        }
        return segments;
    }

    /**
     * Train a model on a customer table and make it the active one.
     *
     * @param data       the CSV file
     * @param delimiter  field separator, or {@code null} to detect it
     * @param algorithm  plugin id
     * @param parameters plugin parameters given by the user; the rest take their defaults
     * @param seed       seed of every random choice in the fit
     */
    public record Command(Path data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed) {

        public static final String DEFAULT_ALGORITHM = "kmeans";
        public static final long DEFAULT_SEED = 42L;

        public Command {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(algorithm, "algorithm");
            parameters = Map.copyOf(parameters);
        }
    }
}
