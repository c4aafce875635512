package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.engine.EngineFit;
import com.segments.domain.engine.EngineRequest;
import com.segments.domain.engine.TrainingEngine;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpecs;
import com.segments.domain.lineage.SegmentAlignment;
import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains on an engine that runs where the data lives (Spark), then stores the result as an ordinary version: the
 * engine fits the pipeline and the centres and measures every row; here the version is reserved, aligned with the
 * active one, given its drift reference, named, stored and activated, exactly as {@link TrainModel} does for a fit
 * in this process. What needs rows here (alignment, drift reference, prediction agreement) uses the engine's seeded
 * sample: the full table never comes to this process.
 */
public final class TrainOnEngine {

    /** How to build the optional Spark engine, for the message when it is not on the class path. */
    public static final String BUILD_SPARK = "./mvnw -pl engine-spark -am package -DskipTests";

    private final List<TrainingEngine> engines;
    private final FeatureSpecs specs;
    private final ModelRepository models;
    private final ActivateModel activateModel;
    private final PromotionGate gate;
    private final Clock clock;
    private final SegmentDescriber describer;

    /**
     * @param engines the engines found on the class path (possibly none)
     * @param catalog where each version's segment profiles and names go
     */
    public TrainOnEngine(List<TrainingEngine> engines, FeatureSpecs specs, ModelRepository models,
                         ActivateModel activateModel, PromotionGate gate, Clock clock, SegmentCatalog catalog,
                         NamingRules rules) {
        this.engines = List.copyOf(engines);
        this.specs = Objects.requireNonNull(specs, "specs");
        this.models = Objects.requireNonNull(models, "models");
        this.activateModel = Objects.requireNonNull(activateModel, "activateModel");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.describer = new SegmentDescriber(catalog, rules);
    }

    /**
     * Train on an engine.
     *
     * @param engine      the engine's id ({@code spark})
     * @param source      a CSV or Parquet file or directory, a URI the engine reads, or a table when {@code jdbcUrl}
     * @param jdbcUrl     the database to read {@code source} from as a table, or null
     * @param featureSpec a feature spec file, or null to read every numeric column but the id
     * @param master      where the engine runs, or null for its default
     * @param algorithm   {@code kmeans} or {@code bisecting-kmeans}
     * @param assignmentsOut where the engine writes each training row's segment and distance, or null
     * @param triggeredBy what asked for it (cli, api)
     */
    public record Command(String engine, String source, String jdbcUrl, Character delimiter, Path featureSpec,
                          String master, String algorithm, int k, int maxIterations, long seed, int sampleRows,
                          String assignmentsOut, String triggeredBy) {
        public Command {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(triggeredBy, "triggeredBy");
        }
    }

    /**
     * What a training on an engine produced.
     *
     * @param model          the stored version (active unless the promotion gate refused it)
     * @param notes          what the engine decided, one line each
     * @param fitTime        time the engine's clustering fit took
     * @param notPromoted    why the gate kept it from becoming active, if it did
     * @param segments       each segment's name and description
     * @param sampleAgreement share of the sample rows whose stored rule's segment is the engine's own
     */
    public record Report(ModelVersion model, List<String> notes, Duration fitTime, Optional<String> notPromoted,
                         List<SegmentLabel> segments, double sampleAgreement, int sampleRows) {
        public Report {
            notes = List.copyOf(notes);
            segments = List.copyOf(segments);
        }

        public boolean activated() {
            return notPromoted.isEmpty();
        }
    }

    /** The engine of that id, or an error naming the engines there are and how to build the Spark one. */
    public TrainingEngine engine(String id) {
        return engines.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new SegmentsException(
                "no training engine '" + id + "' on the class path (found: "
                        + (engines.isEmpty() ? "none" : String.join(", ", engines.stream().map(TrainingEngine::id).toList()))
                        + "); the Spark engine is an optional module: build it with '" + BUILD_SPARK
                        + "' and run ./segments again, which then puts engine-spark/target/segments-spark.jar and "
                        + "engine-spark/target/lib on the class path"));
    }

    public Report train(Command command) {
        TrainingEngine engine = engine(command.engine());
        FeatureSpec spec = command.featureSpec() == null ? FeatureSpec.INFER : specs.read(command.featureSpec());
        EngineRequest request;
        try {
            request = new EngineRequest(command.source(), command.jdbcUrl(), command.delimiter(), spec,
                    command.master(), command.algorithm(), command.k(), command.maxIterations(), command.seed(),
                    command.sampleRows(), command.assignmentsOut());
        } catch (IllegalArgumentException e) {
            throw new SegmentsException(e.getMessage(), e);
        }
        // The engine runs before a version is reserved: a refused request or bad data leaves no trace in the registry.
        EngineFit fit = engine.fit(request);
        int version = models.reserve(fit.algorithm(), fit.fingerprint().source(), clock.instant(), command.triggeredBy());
        ModelVersion stored;
        List<SegmentLabel> labels;
        double agreement;
        try {
            Aligned aligned = alignToActive(fit);
            CustomerProfiles sample = fit.sample();
            TrainedModel unreferenced = new TrainedModel(fit.algorithm(), new AlgorithmParameters(fit.parameters()),
                    command.seed(), sample.schema(), fit.preprocessing(), aligned.rule(), aligned.segments(),
                    fit.metrics(), fit.fingerprint(), fit.provenance(), aligned.lineage());
            double[] scaled = unreferenced.transformAll(sample.values().rowMajorView());
            Assignments predicted = aligned.rule().assignAll(scaled);
            agreement = PredictAgreement.of(predicted.segments(), aligned.sampleLabels());
            TrainedModel model = unreferenced.withReference(reference(sample, predicted, scaled, aligned.rule()));
            labels = describer.describe(version, model, aligned.profiles());
            stored = models.complete(version, model);
        } catch (RuntimeException | Error e) {
            models.fail(version, e instanceof SegmentsException ? e.getMessage() : "unexpected failure: " + e);
            throw e;
        }
        Optional<String> refusal = activateModel.promote(stored, gate, agreement);
        return new Report(stored, fit.notes(), Duration.ofMillis(fit.fitMillis()), refusal, labels, agreement,
                fit.sample().size());
    }

    private static DriftReference reference(CustomerProfiles sample, Assignments predicted, double[] scaled,
                                            NearestCentroidRule rule) {
        return DriftReference.fit(sample.schema(), sample.values().rowMajorView(), predicted.segments(),
                predicted.outliers(), rule.segmentCount(), scaled, rule.dimensions());
    }

    private record Aligned(NearestCentroidRule rule, List<Segment> segments, List<SegmentProfile> profiles,
                           int[] sampleLabels, SegmentLineage lineage) {
    }

    /**
     * Renumbers the engine's segments so that each takes the id of the active version's segment it continues, as
     * {@link TrainModel} does, with both models labelling the engine's sample instead of every training row.
     */
    private Aligned alignToActive(EngineFit fit) {
        Aligned asFitted = new Aligned(fit.rule(), fit.segments(), fit.profiles(), fit.sampleLabels(), null);
        CustomerProfiles sample = fit.sample();
        Optional<ModelVersion> active = TrainModel.activeReading(models, sample.schema());
        if (active.isEmpty()) {
            return asFitted;
        }
        TrainedModel previous = active.get().model();
        int[] previousLabels = previous.assignAll(sample.values().rowMajorView()).segments();
        int k = fit.rule().segmentCount();
        SegmentAlignment.Result alignment = SegmentAlignment.align(previousLabels, previous.segmentCount(),
                fit.sampleLabels(), k, active.get().version());
        int[] newIdOf = alignment.newIdOf();
        List<Segment> segments = new ArrayList<>();
        for (Segment s : fit.segments()) {
            segments.add(new Segment(newIdOf[s.id()], s.size(), s.share(), s.centroid(), s.centroidOriginal()));
        }
        segments.sort(Comparator.comparingInt(Segment::id));
        List<SegmentProfile> profiles = new ArrayList<>();
        for (SegmentProfile p : fit.profiles()) {
            profiles.add(new SegmentProfile(newIdOf[p.segment()], p.size(), p.share(), p.features(), p.overRepresented()));
        }
        profiles.sort(Comparator.comparingInt(SegmentProfile::segment));
        int[] relabelled = com.segments.domain.cluster.AssignmentRule.relabel(fit.sampleLabels(), newIdOf);
        return new Aligned(fit.rule().relabel(newIdOf), segments, profiles, relabelled, alignment.lineage());
    }
}
