package com.segments.adapters.rest;

import com.segments.application.CheckHealth;
import com.segments.application.Prediction;
import com.segments.application.RetrainModel;
import com.segments.domain.drift.DriftReport;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the server exposes to Prometheus ({@code GET /prometheus}), in Prometheus's naming: predictions by version,
 * segment and door, predict latency, rows scored in uploads, recent training jobs by state, the last
 * drift verdict and largest PSI per version, and whether the database answers. Counters are kept per label set and
 * made once; nothing about a customer is recorded.
 */
@Singleton
public class ServerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> predictions = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> batchRows = new ConcurrentHashMap<>();
    private final Map<Integer, double[]> drift = new ConcurrentHashMap<>();
    private final Timer predictLatency;
    private final AtomicReference<Counted> jobs = new AtomicReference<>();

    ServerMetrics(MeterRegistry registry, RetrainModel retrainModel, CheckHealth checkHealth) {
        this.registry = registry;
        this.predictLatency = Timer.builder("segments.predict.duration")
                .description("time to answer one predict request (all customers of a batch)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        for (JobState state : JobState.values()) {
            Gauge.builder("segments.training.jobs", this, m -> m.jobCount(retrainModel, state))
                    .description("training jobs among the last 1,000 by state").tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("segments.database.up", checkHealth, h -> h.check().databaseUp() ? 1 : 0)
                .description("1 when the model store answers, 0 when it does not").register(registry);
    }

    /** Counts answered predictions; {@code door} is rest, rest_batch or console. */
    public void predicted(List<Prediction> answered, String door, Duration took) {
        predictLatency.record(took);
        for (Prediction p : answered) {
            int segment = p.assignment().segment();
            String key = p.modelVersion() + "|" + segment + "|" + door;
            predictions.computeIfAbsent(key, k -> Counter.builder("segments.predictions")
                    .description("customers answered by predict").tag("version", Integer.toString(p.modelVersion()))
                    .tag("segment", segment < 0 ? "noise" : Integer.toString(segment)).tag("door", door)
                    .register(registry)).increment();
        }
    }

    /** Counts the rows of a scored CSV upload. */
    public void scored(int version, long rows) {
        batchRows.computeIfAbsent(version, v -> Counter.builder("segments.batch.rows")
                .description("rows scored from CSV uploads").tag("version", Integer.toString(v))
                .register(registry)).increment(rows);
    }

    /** Keeps the last drift measured for a version: its verdict (0 stable, 1 watch, 2 drifted) and largest PSI. */
    public void drifted(DriftReport report) {
        int version = (int) report.version();
        double topPsi = report.fields().stream().mapToDouble(DriftReport.FieldDrift::psi).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        double[] last = drift.computeIfAbsent(version, v -> {
            double[] cell = new double[2];
            Gauge.builder("segments.drift.verdict", cell, c -> c[0])
                    .description("last drift verdict measured for the version: 0 stable, 1 watch, 2 drifted")
                    .tag("version", Integer.toString(v)).register(registry);
            Gauge.builder("segments.drift.top.psi", cell, c -> c[1])
                    .description("largest field PSI of the last drift measured for the version")
                    .tag("version", Integer.toString(v)).register(registry);
            return cell;
        });
        last[0] = report.verdict().ordinal();
        last[1] = topPsi;
    }

    private double jobCount(RetrainModel retrainModel, JobState state) {
        Counted counted = jobs.get();
        long now = System.nanoTime();
        if (counted == null || now - counted.at() > 1_000_000_000L) { // one reading of the store per scrape
            Map<JobState, Long> counts = new EnumMap<>(JobState.class);
            try {
                for (TrainingJob job : retrainModel.recent(1000)) {
                    counts.merge(job.state(), 1L, Long::sum);
                }
            } catch (RuntimeException e) {
                counts.clear(); // the store is down: segments_database_up says so
            }
            counted = new Counted(now, counts);
            jobs.set(counted);
        }
        return counted.counts().getOrDefault(state, 0L);
    }

    private record Counted(long at, Map<JobState, Long> counts) {
    }
}
