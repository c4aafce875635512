package com.segments.adapters.cli;

import com.segments.application.ActivateModel;
import com.segments.application.ActiveModel;
import com.segments.application.AlgorithmCatalog;
import com.segments.application.CheckHealth;
import com.segments.application.CompareAlgorithms;
import com.segments.application.ListModels;
import com.segments.application.ModelLookup;
import com.segments.application.PredictSegment;
import com.segments.application.RetrainModel;
import com.segments.application.ScoreBatch;
import com.segments.application.ShowModel;
import com.segments.application.TrainModel;
import com.segments.domain.feature.Projector;
import com.segments.domain.transaction.TransactionStore;
import com.segments.application.TransactionsUseCases;
import com.segments.application.CompareGroups;
import com.segments.application.DescribeSegments;
import com.segments.application.SegmentNames;
import com.segments.application.data.SegmentRulesFile;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.job.JobRepository;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.PromotionGate;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ServiceLoader;

/**
 * The composition root: the application's use cases are plain classes, built here from the ports. The storage
 * port comes from whichever adapter is on the class path (adapters-jdbc); the clustering plugins are found with
 * {@link java.util.ServiceLoader}. Both doors, CLI and REST, receive these same instances.
 */
@Factory
class UseCaseWiring {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    AlgorithmCatalog algorithmCatalog() {
        return AlgorithmCatalog.discover();
    }

    @Singleton
    ActiveModel activeModel(ModelRepository models) {
        return new ActiveModel(models);
    }

    @Singleton
    ModelLookup modelLookup(ModelRepository models, ActiveModel active) {
        return new ModelLookup(models, active);
    }

    @Singleton
    ActivateModel activateModel(ModelRepository models, ActiveModel active, Clock clock) {
        return new ActivateModel(models, active, clock);
    }

    @Singleton
    ShowModel showModel(ModelRepository models, ModelLookup lookup) {
        return new ShowModel(models, lookup);
    }

    /**
     * The promotion gate: segments.promotion.min-silhouette, segments.promotion.max-noise and
     * segments.promotion.min-stability (SEGMENTS_PROMOTION_MIN_SILHOUETTE, _MAX_NOISE, _MIN_STABILITY; the last makes
     * training measure stability over segments.promotion.stability-refits bootstrap refits, default 10); unset
     * thresholds let everything through.
     */
    @Singleton
    TrainModel trainModel(ModelRepository models, AlgorithmCatalog algorithms, ActivateModel activateModel, Clock clock,
                          SegmentCatalog catalog, NamingRules rules,
                          @Value("${segments.promotion.min-silhouette:NaN}") double minSilhouette,
                          @Value("${segments.promotion.max-noise:NaN}") double maxNoise,
                          @Value("${segments.promotion.min-stability:NaN}") double minStability,
                          @Value("${segments.promotion.stability-refits:10}") int stabilityRefits) {
        return new TrainModel(models, algorithms, activateModel,
                new PromotionGate(minSilhouette, maxNoise, minStability, stabilityRefits), clock, catalog, rules);
    }

    /** Naming rules: the file at segments.naming.rules (SEGMENTS_NAMING_RULES), else the bundled defaults. */
    @Singleton
    NamingRules namingRules(@Value("${segments.naming.rules:}") String file) {
        return file == null || file.isBlank() ? SegmentRulesFile.defaults() : SegmentRulesFile.read(Path.of(file));
    }

    @Singleton
    SegmentNames segmentNames(SegmentCatalog catalog) {
        return new SegmentNames(catalog);
    }

    @Singleton
    DescribeSegments describeSegments(ModelLookup lookup, SegmentCatalog catalog, SegmentNames names) {
        return new DescribeSegments(lookup, catalog, names);
    }

    @Singleton
    CompareGroups compareGroups(ModelLookup lookup, SegmentNames names) {
        return new CompareGroups(lookup, names);
    }

    @Singleton
    ScoreBatch scoreBatch(ModelLookup lookup) {
        return new ScoreBatch(lookup);
    }

    @Singleton
    PredictSegment predictSegment(ModelLookup lookup, SegmentNames names) {
        return new PredictSegment(lookup, names);
    }

    @Singleton
    ListModels listModels(ModelRepository models) {
        return new ListModels(models);
    }

    @Singleton
    CompareAlgorithms compareAlgorithms(AlgorithmCatalog algorithms) {
        return new CompareAlgorithms(algorithms, ServiceLoader.load(Projector.class).findFirst());
    }

    /**
     * Background training. Data must lie under segments.data.dir (SEGMENTS_DATA_DIR; default: the directory the
     * server was started in); segments.training.workers jobs run at once, segments.training.queue may wait.
     */
    @Singleton
    @Bean(preDestroy = "close")
    RetrainModel retrainModel(JobRepository jobs, TrainModel trainModel, Clock clock,
                              @Value("${segments.data.dir:}") String dataDir,
                              @Value("${segments.training.workers:1}") int workers,
                              @Value("${segments.training.queue:8}") int queue) {
        Path root = dataDir == null || dataDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dataDir);
        return new RetrainModel(jobs, trainModel, clock, root, workers, queue);
    }

    @Singleton
    TransactionsUseCases transactionsUseCases(TransactionStore store, ModelLookup lookup) {
        return new TransactionsUseCases(store, lookup);
    }

    @Singleton
    CheckHealth checkHealth(ModelRepository models, ActiveModel active) {
        return new CheckHealth(models, active);
    }
}
