package com.segments.bootstrap;

import com.segments.adapters.files.CsvRecordFiles;
import com.segments.adapters.files.CsvRecordStreams;
import com.segments.adapters.files.CsvTableFiles;
import com.segments.adapters.files.CsvTransactionFiles;
import com.segments.adapters.files.YamlFeatureSpecs;
import com.segments.adapters.files.YamlNamingRuleFiles;
import com.segments.application.ActivateModel;
import com.segments.application.ActiveModel;
import com.segments.application.AlgorithmCatalog;
import com.segments.application.AuditTrail;
import com.segments.application.CheckHealth;
import com.segments.application.CompareAlgorithms;
import com.segments.application.CompareGroups;
import com.segments.application.ComparisonJobs;
import com.segments.application.DataReader;
import com.segments.application.DescribeSegments;
import com.segments.application.DescribeVersions;
import com.segments.application.GenerateCustomers;
import com.segments.application.GenerateTransactions;
import com.segments.application.KeyRing;
import com.segments.application.ListModels;
import com.segments.application.ManageApiKeys;
import com.segments.application.ModelLookup;
import com.segments.application.PredictSegment;
import com.segments.application.CheckProfiles;
import com.segments.application.RecordTransactions;
import com.segments.application.RescoreCustomers;
import com.segments.application.ProjectCustomers;
import com.segments.application.RetrainModel;
import com.segments.application.RetrainTriggers;
import com.segments.application.LiveDrift;
import com.segments.application.MeasureDrift;
import com.segments.application.ScoreBatch;
import com.segments.application.ScoreInDatabase;
import com.segments.application.ExportModelSql;
import com.segments.application.SegmentNames;
import com.segments.application.ShowModel;
import com.segments.application.TrainModel;
import com.segments.application.TrainOnEngine;
import com.segments.application.TransactionsUseCases;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.CentroidKernel;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.drift.DriftThresholds;
import com.segments.domain.drift.SignificanceTests;
import com.segments.domain.engine.TrainingEngine;
import com.segments.domain.feature.Projector;
import com.segments.domain.job.JobRepository;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.score.InDatabaseScoring;
import com.segments.domain.table.DatabaseTables;
import com.segments.domain.table.RecordFiles;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.TransactionStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The composition root in plain Java: every use case, made once, from the ports. The file ports and the plugins
 * are made here; the storage ports and the configuration come from {@link Ports}, which the CLI backs with a
 * database opened only when a command first needs it, and the server with the running application context. Both
 * doors get these same instances ({@link UseCaseWiring} hands them to the context's beans).
 */
final class Wiring {

    /** What the wiring needs from outside: storage and configuration. */
    interface Ports {
        ModelRepository models();

        JobRepository jobs();

        SegmentCatalog catalog();

        TransactionStore transactions();

        CustomerProfileStore profiles();

        DatabaseTables tables();

        ApiKeyRepository apiKeys();

        KeyHasher keyHasher();

        AuditLog audit();

        /** Scoring inside the database the models are stored in. */
        InDatabaseScoring scoring();

        /** A configuration value, or the fallback when it is not set. */
        String property(String name, String fallback);
    }

    private final Ports ports;
    private final Map<Class<?>, Object> made = new HashMap<>();
    private Map<Class<?>, Supplier<?>> makers;

    Wiring(Ports ports) {
        this.ports = ports;
        // Batch scoring runs the distance kernel a plugin offers (the k-means plugin's vector kernel where the JVM has
        // the Vector API): the same answers as the domain's scalar one, to the last bit, only faster.
        ServiceLoader.load(CentroidKernel.class).findFirst().ifPresent(CentroidDistances::useKernel);
    }

    /** The use case (or port) of that type, made on first use; null when the wiring does not make that type. */
    synchronized Object provide(Class<?> type) {
        Object existing = made.get(type);
        if (existing != null) {
            return existing;
        }
        if (makers == null) {
            makers = makers();
        }
        Supplier<?> maker = makers.get(type);
        if (maker == null) {
            return null;
        }
        Object created = maker.get();
        made.put(type, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    <T> T get(Class<T> type) {
        Object value = provide(type);
        if (value == null) {
            throw new IllegalStateException("the wiring makes no " + type.getName());
        }
        return (T) value;
    }

    private Map<Class<?>, Supplier<?>> makers() {
        Map<Class<?>, Supplier<?>> m = new HashMap<>();
        m.put(Clock.class, Clock::systemUTC);
        m.put(AlgorithmCatalog.class, () -> new AlgorithmCatalog(ServiceLoader.load(ClusteringAlgorithm.class).stream()
                .map(ServiceLoader.Provider::get).toList()));
        m.put(RecordFiles.class, CsvRecordFiles::new);
        m.put(DataReader.class, () -> new DataReader(new CsvTableFiles(), ports.tables(), new YamlFeatureSpecs(),
                new CsvTransactionFiles(), ports.transactions(), ServiceLoader.load(Projector.class).findFirst()));
        m.put(NamingRules.class, this::namingRules);
        m.put(ActiveModel.class, () -> new ActiveModel(ports.models()));
        m.put(ModelLookup.class, () -> new ModelLookup(ports.models(), get(ActiveModel.class)));
        m.put(ActivateModel.class, () -> new ActivateModel(ports.models(), get(ActiveModel.class), get(Clock.class)));
        m.put(ShowModel.class, () -> new ShowModel(ports.models(), get(ModelLookup.class)));
        m.put(TrainModel.class, this::trainModel);
        m.put(TrainOnEngine.class, this::trainOnEngine);
        m.put(SegmentNames.class, () -> new SegmentNames(ports.catalog()));
        m.put(DescribeSegments.class, () -> new DescribeSegments(get(ModelLookup.class), ports.catalog(),
                get(SegmentNames.class)));
        m.put(CompareGroups.class, () -> new CompareGroups(get(ModelLookup.class), get(SegmentNames.class),
                get(DataReader.class)));
        m.put(SignificanceTests.class, () -> ServiceLoader.load(SignificanceTests.class).findFirst().orElseThrow(
                () -> new IllegalStateException("no statistics plugin (SignificanceTests) on the class path")));
        m.put(MeasureDrift.class, () -> new MeasureDrift(get(ModelLookup.class), get(DataReader.class),
                get(SegmentNames.class), get(SignificanceTests.class)));
        m.put(ScoreBatch.class, () -> new ScoreBatch(get(ModelLookup.class), get(DataReader.class), get(RecordFiles.class)));
        m.put(ExportModelSql.class, () -> new ExportModelSql(get(ModelLookup.class), ports.scoring()));
        m.put(ScoreInDatabase.class, () -> new ScoreInDatabase(get(ModelLookup.class), ports.scoring()));
        m.put(LiveDrift.class, () -> new LiveDrift(Integer.parseInt(ports.property("segments.drift.live-window",
                "10000")), get(SegmentNames.class),
                get(SignificanceTests.class), DriftThresholds.DEFAULTS));
        m.put(PredictSegment.class, () -> new PredictSegment(get(ModelLookup.class), get(SegmentNames.class),
                get(LiveDrift.class)));
        m.put(ListModels.class, () -> new ListModels(ports.models()));
        m.put(CompareAlgorithms.class, () -> new CompareAlgorithms(get(DataReader.class), get(AlgorithmCatalog.class)));
        m.put(GenerateCustomers.class, () -> new GenerateCustomers(get(RecordFiles.class)));
        m.put(GenerateTransactions.class, () -> new GenerateTransactions(get(RecordFiles.class)));
        m.put(RetrainModel.class, this::retrainModel);
        m.put(RetrainTriggers.class, this::retrainTriggers);
        m.put(TransactionsUseCases.class, () -> new TransactionsUseCases(ports.transactions(), get(ModelLookup.class),
                get(DataReader.class), get(RecordFiles.class)));
        m.put(RecordTransactions.class, () -> new RecordTransactions(ports.profiles(), get(ModelLookup.class),
                get(SegmentNames.class), get(Clock.class), new CsvRecordStreams()));
        m.put(RescoreCustomers.class, () -> new RescoreCustomers(ports.profiles(), get(ModelLookup.class),
                get(Clock.class)));
        m.put(CheckProfiles.class, () -> new CheckProfiles(ports.profiles(), ports.transactions()));
        m.put(CheckHealth.class, () -> new CheckHealth(ports.models(), get(ActiveModel.class)));
        m.put(DescribeVersions.class, () -> new DescribeVersions(ports.models()));
        m.put(ProjectCustomers.class, () -> new ProjectCustomers(get(ModelLookup.class), get(DataReader.class)));
        m.put(ComparisonJobs.class, this::comparisonJobs);
        m.put(KeyRing.class, () -> new KeyRing(ports.apiKeys(), ports.keyHasher(), ports.property("segments.api.key", "")));
        m.put(ManageApiKeys.class, () -> new ManageApiKeys(ports.apiKeys(), ports.keyHasher(), get(KeyRing.class),
                get(Clock.class)));
        m.put(AuditTrail.class, () -> new AuditTrail(ports.audit(), get(Clock.class)));
        return m;
    }

    /**
     * The promotion gate: segments.promotion.min-silhouette, segments.promotion.max-noise and
     * segments.promotion.min-stability (SEGMENTS_PROMOTION_MIN_SILHOUETTE, _MAX_NOISE, _MIN_STABILITY; the last makes
     * training measure stability over segments.promotion.stability-refits bootstrap refits, default 10) and
     * segments.promotion.min-agreement (SEGMENTS_PROMOTION_MIN_AGREEMENT: the share of training rows the prediction
     * rule must give their training label, 0 to 1); unset thresholds let everything through.
     */
    private TrainModel trainModel() {
        return new TrainModel(get(DataReader.class), ports.models(), get(AlgorithmCatalog.class),
                get(ActivateModel.class), gate(), get(Clock.class), ports.catalog(), get(NamingRules.class));
    }

    private PromotionGate gate() {
        return new PromotionGate(number("segments.promotion.min-silhouette"),
                number("segments.promotion.max-noise"), number("segments.promotion.min-stability"),
                whole("segments.promotion.stability-refits", 10), number("segments.promotion.min-agreement"));
    }

    /**
     * Training on an engine: the engines are optional plugins ({@code TrainingEngine}) found on the class path, as the
     * Spark one is when the launcher adds engine-spark's jar; the same promotion gate as a local training.
     */
    private TrainOnEngine trainOnEngine() {
        return new TrainOnEngine(ServiceLoader.load(TrainingEngine.class).stream().map(ServiceLoader.Provider::get)
                .toList(), new YamlFeatureSpecs(), ports.models(), get(ActivateModel.class), gate(), get(Clock.class),
                ports.catalog(), get(NamingRules.class));
    }

    /** Naming rules: the file at segments.naming.rules (SEGMENTS_NAMING_RULES), else the bundled defaults. */
    private NamingRules namingRules() {
        String file = ports.property("segments.naming.rules", "");
        YamlNamingRuleFiles files = new YamlNamingRuleFiles();
        return file.isBlank() ? files.defaults() : files.read(Path.of(file));
    }

    /**
     * Background training. Data must lie under segments.data.dir (SEGMENTS_DATA_DIR; default: the directory the
     * server was started in); segments.training.workers jobs run at once on low-priority threads (predictions come
     * first), segments.training.queue may wait. A job is cancelled after segments.jobs.max-duration
     * (SEGMENTS_JOBS_MAX_DURATION, default 2h), checked every 30 s besides whenever jobs are read.
     */
    private RetrainModel retrainModel() {
        Path root = dataRoot();
        int workers = whole("segments.training.workers", 1);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(whole("segments.training.queue", 8)), runnable -> {
            Thread thread = new Thread(runnable, "training-worker");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        RetrainModel retrain = new RetrainModel(ports.jobs(), get(TrainModel.class), get(Clock.class), root, pool,
                duration("segments.jobs.max-duration", RetrainModel.DEFAULT_MAX_DURATION));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "training-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(() -> {
            try {
                retrain.expireOverdue();
            } catch (RuntimeException e) {
                // the store may be down for a moment; the next round tries again
            }
        }, 30, 30, TimeUnit.SECONDS);
        return retrain;
    }

    /** A duration: 90s, 30m, 2h, 500ms, or ISO-8601 (PT2H). */
    private Duration duration(String name, Duration fallback) {
        String value = ports.property(name, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(value);
        try {
            Duration parsed;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                parsed = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                parsed = Duration.parse(value);
            }
            if (parsed.isZero() || parsed.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got \"" + value + "\"");
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 90s, 30m or 2h, got \"" + value + "\"");
        }
    }

    /**
     * The re-clustering policy (docs/monitoring.md), off unless segments.triggers.on-drift or segments.triggers.cron
     * is set: segments.triggers.data names the file to retrain on (under the data directory), optionally .features,
     * .transactions, .algorithm, .k, .seed, and .cool-down-minutes (default a day) between two triggered jobs.
     */
    private RetrainTriggers retrainTriggers() {
        boolean onDrift = Boolean.parseBoolean(ports.property("segments.triggers.on-drift", "false").strip());
        String cron = ports.property("segments.triggers.cron", "").strip();
        String data = ports.property("segments.triggers.data", "").strip();
        if ((onDrift || !cron.isEmpty()) && data.isEmpty()) {
            throw new IllegalArgumentException("segments.triggers.data must name the file to retrain on when "
                    + "segments.triggers.on-drift or segments.triggers.cron is set");
        }
        String features = ports.property("segments.triggers.features", "").strip();
        int k = whole("segments.triggers.k", 0);
        RetrainTriggers.Policy policy = new RetrainTriggers.Policy(onDrift, data, features.isEmpty() ? null : features,
                Boolean.parseBoolean(ports.property("segments.triggers.transactions", "false").strip()),
                ports.property("segments.triggers.algorithm", "kmeans").strip(), k > 0 ? Map.of("k", k) : Map.of(),
                whole("segments.triggers.seed", 42), Duration.ofMinutes(whole("segments.triggers.cool-down-minutes",
                24 * 60)));
        return new RetrainTriggers(policy, get(RetrainModel.class), get(LiveDrift.class), get(ModelLookup.class),
                get(Clock.class));
    }

    /** Comparisons started from the console: one at a time on a low-priority thread, up to 4 waiting. */
    private ComparisonJobs comparisonJobs() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), runnable -> {
            Thread thread = new Thread(runnable, "comparison-worker");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        return new ComparisonJobs(get(CompareAlgorithms.class), get(AlgorithmCatalog.class), get(Clock.class),
                dataRoot(), pool);
    }

    /** segments.data.dir (SEGMENTS_DATA_DIR): files a server is asked to read must lie under it. */
    private Path dataRoot() {
        String dataDir = ports.property("segments.data.dir", "");
        return dataDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dataDir);
    }

    private double number(String name) {
        String value = ports.property(name, "").strip();
        try {
            return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got \"" + value + "\"");
        }
    }

    private int whole(String name, int fallback) {
        String value = ports.property(name, "").strip();
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + value + "\"");
        }
    }
}
