package com.segments.bootstrap;

import com.segments.adapters.files.CsvRecordFiles;
import com.segments.adapters.files.CsvTableFiles;
import com.segments.adapters.files.CsvTransactionFiles;
import com.segments.adapters.files.YamlFeatureSpecs;
import com.segments.adapters.files.YamlNamingRuleFiles;
import com.segments.application.ActivateModel;
import com.segments.application.ActiveModel;
import com.segments.application.AlgorithmCatalog;
import com.segments.application.CheckHealth;
import com.segments.application.CompareAlgorithms;
import com.segments.application.CompareGroups;
import com.segments.application.DataReader;
import com.segments.application.DescribeSegments;
import com.segments.application.GenerateCustomers;
import com.segments.application.GenerateTransactions;
import com.segments.application.ListModels;
import com.segments.application.ModelLookup;
import com.segments.application.PredictSegment;
import com.segments.application.RetrainModel;
import com.segments.application.ScoreBatch;
import com.segments.application.SegmentNames;
import com.segments.application.ShowModel;
import com.segments.application.TrainModel;
import com.segments.application.TransactionsUseCases;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.feature.Projector;
import com.segments.domain.job.JobRepository;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.profile.NamingRuleFiles;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.table.RecordFiles;
import com.segments.domain.transaction.TransactionStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: the application's use cases are plain classes, built here from the ports. The storage
 * ports come from whichever adapter is on the class path (adapters-jdbc), the file ports from adapters-files; the
 * clustering plugins and the linear algebra are found with {@link ServiceLoader}; thread pools are made here. Both
 * doors, CLI and REST, receive these same instances.
 */
@Factory
class UseCaseWiring {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    AlgorithmCatalog algorithmCatalog() {
        return new AlgorithmCatalog(ServiceLoader.load(ClusteringAlgorithm.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    @Singleton
    RecordFiles recordFiles() {
        return new CsvRecordFiles();
    }

    @Singleton
    DataReader dataReader(TransactionStore store) {
        return new DataReader(new CsvTableFiles(), new YamlFeatureSpecs(), new CsvTransactionFiles(), store,
                ServiceLoader.load(Projector.class).findFirst());
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
    TrainModel trainModel(DataReader reader, ModelRepository models, AlgorithmCatalog algorithms,
                          ActivateModel activateModel, Clock clock, SegmentCatalog catalog, NamingRules rules,
                          @Value("${segments.promotion.min-silhouette:NaN}") double minSilhouette,
                          @Value("${segments.promotion.max-noise:NaN}") double maxNoise,
                          @Value("${segments.promotion.min-stability:NaN}") double minStability,
                          @Value("${segments.promotion.stability-refits:10}") int stabilityRefits) {
        return new TrainModel(reader, models, algorithms, activateModel,
                new PromotionGate(minSilhouette, maxNoise, minStability, stabilityRefits), clock, catalog, rules);
    }

    /** Naming rules: the file at segments.naming.rules (SEGMENTS_NAMING_RULES), else the bundled defaults. */
    @Singleton
    NamingRules namingRules(@Value("${segments.naming.rules:}") String file) {
        NamingRuleFiles files = new YamlNamingRuleFiles();
        return file == null || file.isBlank() ? files.defaults() : files.read(Path.of(file));
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
    CompareGroups compareGroups(ModelLookup lookup, SegmentNames names, DataReader reader) {
        return new CompareGroups(lookup, names, reader);
    }

    @Singleton
    ScoreBatch scoreBatch(ModelLookup lookup, DataReader reader, RecordFiles files) {
        return new ScoreBatch(lookup, reader, files);
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
    CompareAlgorithms compareAlgorithms(DataReader reader, AlgorithmCatalog algorithms) {
        return new CompareAlgorithms(reader, algorithms);
    }

    @Singleton
    GenerateCustomers generateCustomers(RecordFiles files) {
        return new GenerateCustomers(files);
    }

    @Singleton
    GenerateTransactions generateTransactions(RecordFiles files) {
        return new GenerateTransactions(files);
    }

    /**
     * Background training. Data must lie under segments.data.dir (SEGMENTS_DATA_DIR; default: the directory the
     * server was started in); segments.training.workers jobs run at once on low-priority threads (predictions come
     * first), segments.training.queue may wait.
     */
    @Singleton
    @Bean(preDestroy = "close")
    RetrainModel retrainModel(JobRepository jobs, TrainModel trainModel, Clock clock,
                              @Value("${segments.data.dir:}") String dataDir,
                              @Value("${segments.training.workers:1}") int workers,
                              @Value("${segments.training.queue:8}") int queue) {
        Path root = dataDir == null || dataDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dataDir);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "training-worker");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        return new RetrainModel(jobs, trainModel, clock, root, pool);
    }

    @Singleton
    TransactionsUseCases transactionsUseCases(TransactionStore store, ModelLookup lookup, DataReader reader,
                                              RecordFiles files) {
        return new TransactionsUseCases(store, lookup, reader, files);
    }

    @Singleton
    CheckHealth checkHealth(ModelRepository models, ActiveModel active) {
        return new CheckHealth(models, active);
    }
}
