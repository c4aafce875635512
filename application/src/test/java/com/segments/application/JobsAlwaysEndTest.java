package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;
import com.segments.domain.model.ModelStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a retrain job always ends, and an ended job never holds its data. A StackOverflowError in the fit, a
 * job past its maximum duration, a cancelled fit that does not look at its cancellation, and a job another process
 * left unfinished.
 */
class JobsAlwaysEndTest {

    @TempDir
    Path dataDir;

    private final RetrainModelTest.InMemoryJobs jobs = new RetrainModelTest.InMemoryJobs();
    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final CountDownLatch release = new CountDownLatch(1);
    private RetrainModel retrain;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (retrain != null) {
            retrain.close();
        }
    }

    private void start(Duration maxDuration, int workers) {
        List<ClusteringAlgorithm> algorithms = new ArrayList<>(java.util.ServiceLoader.load(ClusteringAlgorithm.class).stream()
                .map(java.util.ServiceLoader.Provider::get).toList());
        algorithms.add(new Fake("overflows") {
            @Override
            public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
                return nest(0);
            }

            private ClusteringResult nest(int depth) {
                ClusteringResult deeper = nest(depth + 1);
                return depth < 0 ? null : deeper; // never reached; keeps the recursion from being a tail call
            }
        });
        algorithms.add(new Fake("polite-forever") {
            @Override
            public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
                while (true) {
                    context.checkCancelled();
                    sleep(10);
                }
            }
        });
        algorithms.add(new Fake("deaf") {
            @Override
            public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
                // looks neither at its cancellation nor at interrupts until released
                while (release.getCount() > 0) {
                    Thread.onSpinWait();
                }
                throw new SegmentsException("released");
            }
        });
        TrainModel train = new TrainModel(Wiring.reader(), models, new AlgorithmCatalog(algorithms),
                new ActivateModel(models, new ActiveModel(models), Clock.systemUTC()), Clock.systemUTC());
        retrain = new RetrainModel(jobs, train, Clock.systemUTC(), dataDir, Wiring.pool(workers, 4), maxDuration);
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(200,
                dataDir.resolve("customers.csv"), null, 1L));
    }

    private RetrainModel.Command on(String algorithm) {
        return new RetrainModel.Command("customers.csv", null, algorithm, Map.of(), 1L);
    }

    @Test
    void aStackOverflowEndsTheJobFailedAndFreesItsData() throws Exception {
        start(Duration.ofHours(2), 1);
        TrainingJob job = retrain.submit(on("overflows"));

        TrainingJob ended = await(job.id(), Duration.ofSeconds(60));

        assertThat(ended.state()).isEqualTo(JobState.FAILED);
        assertThat(ended.error()).contains("nests too deeply").contains("stack overflow");
        assertThat(models.list()).allSatisfy(m -> assertThat(m.status()).isEqualTo(ModelStatus.FAILED));
        TrainingJob next = retrain.submit(on("kmeans"));
        assertThat(await(next.id(), Duration.ofSeconds(60)).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aJobPastItsMaximumDurationIsCancelled() throws Exception {
        start(Duration.ofMillis(1500), 1);
        long started = System.nanoTime();
        TrainingJob job = retrain.submit(on("polite-forever"));

        TrainingJob ended = await(job.id(), Duration.ofSeconds(30));

        assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
        assertThat(ended.error()).isEqualTo("cancelled: it ran longer than the maximum duration of 1.5s "
                + "(segments.jobs.max-duration)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aJobThatIgnoresItsTimeIsStillRecordedCancelledAndFreesItsData() throws Exception {
        start(Duration.ofMillis(1000), 2);
        TrainingJob job = retrain.submit(on("deaf"));
        waitUntil(() -> retrain.find(job.id()).state() == JobState.RUNNING, Duration.ofSeconds(30));
        Thread.sleep(1200);

        assertThat(retrain.expireOverdue()).isEqualTo(1);
        assertThat(retrain.find(job.id()).state()).isEqualTo(JobState.CANCELLED);
        TrainingJob next = retrain.submit(new RetrainModel.Command("customers.csv", null, "kmeans", Map.of("k", 2), 1L));
        assertThat(next.state()).as("the data is free again").isEqualTo(JobState.QUEUED);
    }

    @Test
    void aCancelledJobFreesItsDataAtOnceEvenIfItsFitDoesNotLook() throws Exception {
        start(Duration.ofHours(2), 2);
        TrainingJob job = retrain.submit(on("deaf"));
        waitUntil(() -> retrain.find(job.id()).state() == JobState.RUNNING, Duration.ofSeconds(30));

        TrainingJob cancelled = retrain.cancel(job.id());

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        TrainingJob next = retrain.submit(new RetrainModel.Command("customers.csv", null, "kmeans", Map.of("k", 2), 1L));
        assertThat(await(next.id(), Duration.ofSeconds(60)).state()).isEqualTo(JobState.SUCCEEDED);
        release.countDown();
        Thread.sleep(200);
        assertThat(retrain.find(job.id()).state()).as("the deaf worker ending later changes nothing")
                .isEqualTo(JobState.CANCELLED);
    }

    @Test
    void aJobAnotherProcessLeftUnfinishedLongerThanTheMaximumNoLongerBlocks() throws Exception {
        start(Duration.ofHours(2), 1);
        String source = dataDir.resolve("customers.csv").toRealPath().toString();
        TrainingJob stale = new TrainingJob("elsewhere", source, "kmeans", Map.of(), 1L, JobState.RUNNING, 0.5,
                "fitting", Instant.now().minus(Duration.ofHours(3)), Instant.now().minus(Duration.ofHours(3)), null, null,
                null);
        jobs.save(stale);
        TrainingJob recent = new TrainingJob("recent", source + ".other", "kmeans", Map.of(), 1L, JobState.RUNNING, 0.5,
                "fitting", Instant.now(), Instant.now(), null, null, null);
        jobs.save(recent);

        TrainingJob next = retrain.submit(on("kmeans"));

        assertThat(next.state()).isEqualTo(JobState.QUEUED);
        TrainingJob marked = retrain.find("elsewhere");
        assertThat(marked.state()).isEqualTo(JobState.FAILED);
        assertThat(marked.error()).startsWith("abandoned: unfinished after the maximum duration of 2h");
    }

    private TrainingJob await(String id, Duration limit) throws InterruptedException {
        waitUntil(() -> retrain.find(id).state().finished(), limit);
        return retrain.find(id);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s", limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plugin for these tests: fit is what the test makes it. */
    private abstract static class Fake implements ClusteringAlgorithm {
        private final AlgorithmDescriptor descriptor;

        Fake(String id) {
            descriptor = new AlgorithmDescriptor(id, "test plugin", "test", List.of());
        }

        @Override
        public AlgorithmDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
            return fit(data, parameters, seed, FitContext.NONE);
        }
    }
}
