package com.segments.application;

import com.segments.application.features.PreparedTable;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.FitCancelledException;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.metric.ClusterQuality;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.metric.Stability;
import com.segments.domain.lineage.SegmentAlignment;
import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.Objects;

/**
 * Reads a customer table, fits the preprocessing and the clustering, describes the segments, stores the result as
 * a new model version and activates it. All checks on the input happen before anything is stored.
 */
public final class TrainModel {

    private final DataReader reader;
    private final ModelRepository models;
    private final AlgorithmCatalog algorithms;
    private final ActivateModel activateModel;
    private final PromotionGate gate;
    private final Clock clock;
    private final SegmentDescriber describer;
    private final ChooseK chooseK;

    public TrainModel(DataReader reader, ModelRepository models, AlgorithmCatalog algorithms,
                      ActivateModel activateModel, Clock clock) {
        this(reader, models, algorithms, activateModel, PromotionGate.OPEN, clock);
    }

    /** @param gate the thresholds a new version must meet to become active by itself */
    public TrainModel(DataReader reader, ModelRepository models, AlgorithmCatalog algorithms,
                      ActivateModel activateModel, PromotionGate gate, Clock clock) {
        this(reader, models, algorithms, activateModel, gate, clock, null, null);
    }

    /**
     * @param catalog where each version's segment profiles and names go (null: none are made)
     * @param rules   the naming rules
     */
    public TrainModel(DataReader reader, ModelRepository models, AlgorithmCatalog algorithms,
                      ActivateModel activateModel, PromotionGate gate, Clock clock, SegmentCatalog catalog,
                      NamingRules rules) {
        this.reader = reader;
        this.models = models;
        this.algorithms = algorithms;
        this.activateModel = activateModel;
        this.gate = gate;
        this.clock = clock;
        this.describer = catalog == null ? null : new SegmentDescriber(catalog, rules);
        this.chooseK = new ChooseK(algorithms);
    }

    /** Hears how far a training has come: a fraction from 0 to 1 and the stage, in a few words. */
    public interface Progress {
        void at(double fraction, String stage);

        Progress NONE = (fraction, stage) -> {
        };
    }

    /** Thrown when a training is cancelled; its version is FAILED ("cancelled") and holds no model. */
    public static final class Cancelled extends SegmentsException {
        Cancelled() {
            super("training cancelled; no model was stored");
        }
    }

    public TrainingReport train(Command command) {
        return train(command, Progress.NONE, () -> false);
    }

    /**
     * Everything about a request that can be checked without reading the data: the algorithm exists, its
     * parameters are known and within bounds, and the feature spec (when there is one) reads and its formulas parse
     * within their limits. A background job calls this before it is accepted, so a bad request is refused at once.
     *
     * @throws SegmentsException naming what is wrong
     */
    public void check(Command command) {
        ClusteringAlgorithm algorithm = algorithms.require(command.algorithm());
        algorithm.descriptor().resolve(command.parameters());
        com.segments.domain.feature.FeatureSpec spec = reader.spec(command.input());
        for (com.segments.domain.feature.FeatureSpec.DerivedSpec derived : spec.derived()) {
            try {
                com.segments.domain.feature.Expression.checkSyntax(derived.formula());
            } catch (IllegalArgumentException e) {
                throw new SegmentsException("feature spec " + command.input().featureSpec().getFileName()
                        + ", derived feature '" + com.segments.domain.TextLimits.echo(derived.name()) + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Trains with progress reports, checking {@code cancelled} between stages; the model is stored only at the
     * end, in one step, after the last check.
     */
    public TrainingReport train(Command command, Progress progress, BooleanSupplier cancelled) {
        ClusteringAlgorithm algorithm = algorithms.require(command.algorithm());
        AlgorithmParameters parameters = algorithm.descriptor().resolve(command.parameters());
        progress.at(0.05, "reading " + command.input().name());
        PreparedTable table = reader.prepare(command.input());
        checkNotCancelled(cancelled);
        Optional<ChooseK.Choice> chosenK = chooseK(command, algorithm, table.transformed(), progress, cancelled);
        if (chosenK.isPresent()) {
            Map<String, Integer> withK = new java.util.HashMap<>(command.parameters());
            withK.put("k", chosenK.get().k());
            parameters = algorithm.descriptor().resolve(withK);
        }
        CustomerProfiles profiles = table.profiles();
        Integer k = parameters.values().get("k");
        if (k != null && k > profiles.size()) {
            throw new SegmentsException("k = " + k + " segments need at least " + k + " customers; "
                    + table.report().source() + " has " + profiles.size());
        }

        // From here on the training has a version number: listed as TRAINING, READY once its model is stored in
        // one step, FAILED with the reason if anything stops it. No version ever exposes a half-made model.
        int version = models.reserve(algorithm.id(), table.fingerprint().source(), clock.instant(), command.triggeredBy());
        ModelVersion stored;
        List<com.segments.domain.profile.SegmentLabel> labels = List.of();
        Duration fitTime;
        ClusteringResult result;
        double agreement;
        try {
            FittedPreprocessing preprocessing = table.preprocessing();
            DataMatrix scaled = table.transformed();
            progress.at(0.2, "fitting " + algorithm.id() + " (version " + version + ")");
            long started = System.nanoTime();
            ClusteringResult fitted = algorithm.fit(scaled, parameters, command.seed(),
                    new FitContext(table.weights(), cancelled));
            fitTime = Duration.ofNanos(System.nanoTime() - started);
            Aligned aligned = alignToActive(fitted, profiles);
            result = aligned.result();
            checkNotCancelled(cancelled);
            progress.at(0.8, "measuring quality");
            // every training row as scoring will answer it: the agreement with the fit, and the drift reference
            Assignments predicted = result.rule().assignAll(scaled.rowMajorView());
            agreement = PredictAgreement.of(predicted.segments(), result.labels());

            ClusterQuality quality = ClusterQuality.of(scaled, result.labels(), Silhouette.DEFAULT_MAX_ROWS, command.seed());
            double stability = Double.NaN;
            if (gate.needsStability()) {
                progress.at(0.85, "measuring stability (" + gate.stabilityRefits() + " bootstrap refits)");
                stability = stability(algorithm, parameters, scaled, result, command.seed(), cancelled);
            }
            DataMatrix original = table.original();
            List<Segment> segments = describe(result, scaled, original);
            TrainedModel model = new TrainedModel(algorithm.id(), parameters, command.seed(), profiles.schema(),
                    preprocessing, result.rule(), segments, ModelMetrics.of(result.inertia(), quality, stability),
                    table.fingerprint(), Map.of(algorithm.id(), algorithm.descriptor().library(),
                            "java", Runtime.version().toString()), aligned.lineage(),
                    reference(profiles, scaled, predicted, result.rule().segmentCount()));
            checkNotCancelled(cancelled);
            progress.at(0.95, "storing");
            if (describer != null) {
                labels = describer.describe(version, model, table.profiles().values(), original, result.labels());
            }
            stored = models.complete(version, model);
        } catch (FitCancelledException e) {
            models.fail(version, "cancelled");
            throw new Cancelled();
        } catch (RuntimeException | Error e) {
            // Error too (a StackOverflowError): the version must not stay TRAINING
            models.fail(version, e instanceof Cancelled ? "cancelled" : e instanceof SegmentsException
                    ? e.getMessage() : "unexpected failure: " + e);
            throw e;
        }
        Optional<String> refusal = activateModel.promote(stored, gate, agreement);
        return new TrainingReport(stored, table.report(), result.diagnostics(), fitTime, refusal, labels, chosenK,
                agreement);
    }

    /**
     * When the command names no k for a plugin that takes one, k is chosen by the comparison's default rule on
     * k-means (see {@link ChooseK}); otherwise nothing is chosen.
     */
    private Optional<ChooseK.Choice> chooseK(Command command, ClusteringAlgorithm algorithm, DataMatrix x,
                                             Progress progress, BooleanSupplier cancelled) {
        if (command.parameters().containsKey("k") || !CompareAlgorithms.takesK(algorithm)) {
            return Optional.empty();
        }
        progress.at(0.1, "choosing k (k-means over the range sized to the data)");
        try {
            return Optional.of(chooseK.choose(x, command.seed(), cancelled));
        } catch (CompareAlgorithms.Cancelled e) {
            throw new Cancelled();
        }
    }

    /**
     * What the training data looked like, stored with the version for drift reports: each field's distribution in
     * original units, and each segment's share, outliers, centre and spread as predict assigns the training rows.
     */
    private static DriftReference reference(CustomerProfiles profiles, DataMatrix scaled, Assignments predicted, int k) {
        return DriftReference.fit(profiles.schema(), profiles.values().rowMajorView(), predicted.segments(),
                predicted.outliers(), k, scaled.rowMajorView(), scaled.columns());
    }

    /** Marks versions left TRAINING by a process that stopped FAILED with the reason; returns how many. */
    public int failUnfinished(String reason) {
        return models.failTraining(reason);
    }

    /** Mean clusterboot stability of the fit, over the gate's number of seeded bootstrap refits. */
    private double stability(ClusteringAlgorithm algorithm, AlgorithmParameters parameters, DataMatrix scaled,
                             ClusteringResult result, long seed, BooleanSupplier cancelled) {
        List<DataMatrix> samples = Stability.samples(scaled, gate.stabilityRefits(),
                Math.min(STABILITY_ROWS, scaled.rows()), seed);
        return Stability.bootstrap(scaled, result.labels(), result.rule().segmentCount(), samples, seed,
                (sample, refitSeed) -> {
                    checkNotCancelled(cancelled);
                    try {
                        return algorithm.fit(sample, parameters, refitSeed).rule();
                    } catch (SegmentsException e) {
                        return null;
                    }
                }).meanJaccard();
    }

    /** Rows per bootstrap sample when training measures stability (as compare's default). */
    static final int STABILITY_ROWS = 3000;

    private record Aligned(ClusteringResult result, SegmentLineage lineage) {
    }

    /**
     * The active version a new fit's segment ids continue: the active one, when it reads the same fields (a model of
     * other fields labels other customers' vectors, so its segments cannot be matched).
     */
    static Optional<ModelVersion> activeReading(ModelRepository models, FeatureSchema schema) {
        OptionalInt activeVersion = models.activeVersion();
        if (activeVersion.isEmpty()) {
            return Optional.empty();
        }
        return models.find(activeVersion.getAsInt()).filter(v -> v.model().schema().fields().equals(schema.fields()));
    }

    /**
     * Renumbers the new segments so that each takes the id of the active version's segment it continues (both
     * models label the new training rows; see {@link SegmentAlignment}). Without an active model, or when the active
     * one reads other features, the fit is kept as it is.
     */
    private Aligned alignToActive(ClusteringResult fitted, CustomerProfiles profiles) {
        Optional<ModelVersion> active = activeReading(models, profiles.schema());
        if (active.isEmpty()) {
            return new Aligned(fitted, null);
        }
        TrainedModel previous = active.get().model();
        int[] previousLabels = new int[profiles.size()];
        for (int i = 0; i < previousLabels.length; i++) {
            previousLabels[i] = previous.assignInPlace(profiles.values().row(i)).segment();
        }
        SegmentAlignment.Result alignment = SegmentAlignment.align(previousLabels, previous.segmentCount(),
                fitted.labels(), fitted.rule().segmentCount(), active.get().version());
        ClusteringResult relabelled = new ClusteringResult(AssignmentRule.relabel(fitted.labels(), alignment.newIdOf()),
                fitted.rule().relabel(alignment.newIdOf()), fitted.inertia(), fitted.diagnostics());
        return new Aligned(relabelled, alignment.lineage());
    }

    private static void checkNotCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    /**
     * Sizes, shares and centres of each segment (noise rows belong to none): the centre in the clustering space is
     * the centroid for centroid rules and the members' mean otherwise; in original units, the members' mean.
     */
    private static List<Segment> describe(ClusteringResult result, DataMatrix scaled, DataMatrix imputed) {
        int k = result.rule().segmentCount();
        int[] labels = result.labels();
        double[][] original = memberMeans(imputed, labels, k);
        double[][] centre = memberMeans(scaled, labels, k);
        long[] sizes = new long[k];
        for (int label : labels) {
            if (label != Assignment.NOISE) {
                sizes[label]++;
            }
        }
        List<Segment> segments = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double[] position = result.rule() instanceof NearestCentroidRule rule ? rule.centroid(c) : centre[c];
            segments.add(new Segment(c, sizes[c], (double) sizes[c] / labels.length, position, original[c]));
        }
        return segments;
    }

    private static double[][] memberMeans(DataMatrix x, int[] labels, int k) {
        int d = x.columns();
        double[][] sums = new double[k][d];
        long[] sizes = new long[k];
        double[] v = x.rowMajorView();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Assignment.NOISE) {
                continue;
            }
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                sums[labels[i]][j] += v[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sums[c][j] = sizes[c] == 0 ? Double.NaN : sums[c][j] / sizes[c];
            }
        }
        return sums;
    }

    /**
     * Train a model on a customer table and make it the active one.
     *
     * @param input      the customer table or transaction log, and the feature spec
     * @param algorithm  plugin id
     * @param parameters plugin parameters given by the user; the rest take their defaults
     * @param seed       seed of every random choice in the fit
     * @param triggeredBy what asked for it (cli, api), stored with the version
     */
    public record Command(DataInput input, String algorithm, Map<String, Integer> parameters, long seed,
                          String triggeredBy) {

        /** A customer table with inferred features. */
        public Command(Path data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed) {
            this(DataInput.customers(data, delimiter, null), algorithm, parameters, seed, "cli");
        }

        public static final String DEFAULT_ALGORITHM = "kmeans";
        public static final long DEFAULT_SEED = 42L;

        public Command {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(triggeredBy, "triggeredBy");
            parameters = Map.copyOf(parameters);
        }
    }
}
