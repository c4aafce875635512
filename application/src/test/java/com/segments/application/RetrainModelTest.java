package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.job.JobRepository;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrainModelTest {

    @TempDir
    Path dataDir;

    private final InMemoryJobs jobs = new InMemoryJobs();
    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private RetrainModel retrain;
    private Path customers;

    @BeforeEach
    void setUp() {
        ActiveModel active = new ActiveModel(models);
        TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active,
                Clock.systemUTC()), Clock.systemUTC());
        retrain = new RetrainModel(jobs, train, Clock.systemUTC(), dataDir, Wiring.pool(1, 2));
        customers = dataDir.resolve("customers.csv");
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(300, customers, null, 1L));
    }

    @AfterEach
    void tearDown() {
        retrain.close();
    }

    @Test
    void aJobTrainsInTheBackgroundAndRecordsItsVersion() throws InterruptedException {
        TrainingJob job = retrain.submit(new RetrainModel.Command("customers.csv", null, null, Map.of("k", 3), 1L));
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        TrainingJob done = await(job.id());
        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.version()).isEqualTo(1);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(models.activeVersion()).hasValue(1);
        assertThat(models.find(1).orElseThrow().triggeredBy()).isEqualTo("api job " + job.id());
    }

    @Test
    void aSecondJobOnTheSameDataIsRefusedNamingTheFirst() {
        jobs.save(new TrainingJob("running-one", customers.toAbsolutePath().toString(), "kmeans", Map.of(), 1L,
                JobState.RUNNING, 0.3, "fitting", Instant.now(), Instant.now(), null, null, null));
        assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command(customers.toString(), null, null, Map.of(), 1L)))
                .isInstanceOf(RetrainModel.Conflict.class).hasMessageContaining("running-one");
    }

    @Test
    void filesOutsideTheDataDirectoryAreRefused() throws Exception {
        Path outside = Files.createTempFile("elsewhere", ".csv");
        try {
            assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command(outside.toString(), null, null, Map.of(), 1L)))
                    .isInstanceOf(SegmentsException.class).hasMessageContaining("outside the data directory");
            assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command("../../etc/passwd", null, null, Map.of(), 1L)))
                    .isInstanceOf(SegmentsException.class);
            assertThat(jobs.recent(10)).isEmpty();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aFailingJobRecordsWhyAndStoresNothing() throws InterruptedException {
        Path bad = dataDir.resolve("bad.csv");
        try {
            Files.writeString(bad, "id,a\n1,x\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        TrainingJob job = retrain.submit(new RetrainModel.Command("bad.csv", null, null, Map.of(), 1L));
        TrainingJob done = await(job.id());
        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.error()).contains("no feature column among [id, a]");
        assertThat(models.list()).isEmpty();
    }

    @Test
    void anUnknownJobIsNamed() {
        assertThatThrownBy(() -> retrain.find("nope")).isInstanceOf(RetrainModel.UnknownJob.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> retrain.cancel("nope")).isInstanceOf(RetrainModel.UnknownJob.class);
    }

    @Test
    void unfinishedJobsAreMarkedInterrupted() {
        jobs.save(new TrainingJob("left", "/x.csv", "kmeans", Map.of(), 1L, JobState.RUNNING, 0.5, "fitting",
                Instant.now(), Instant.now(), null, null, null));
        assertThat(retrain.recoverInterrupted()).isEqualTo(1);
        assertThat(retrain.find("left").state()).isEqualTo(JobState.FAILED);
        assertThat(retrain.find("left").error()).startsWith("interrupted");
    }

    private TrainingJob await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        TrainingJob job = retrain.find(id);
        while (!job.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = retrain.find(id);
        }
        return job;
    }

    /** Jobs in a map, for use-case tests. */
    static final class InMemoryJobs implements JobRepository {
        private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();

        @Override
        public void save(TrainingJob job) {
            jobs.put(job.id(), job);
        }

        @Override
        public Optional<TrainingJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public List<TrainingJob> recent(int limit) {
            List<TrainingJob> all = new ArrayList<>(jobs.values());
            all.sort(Comparator.comparing(TrainingJob::createdAt).reversed());
            return all.subList(0, Math.min(limit, all.size()));
        }

        @Override
        public Optional<TrainingJob> unfinishedFor(String source) {
            return jobs.values().stream().filter(j -> j.source().equals(source) && !j.state().finished()).findFirst();
        }

        @Override
        public int failUnfinished(String reason, Instant at) {
            int count = 0;
            for (TrainingJob job : List.copyOf(jobs.values())) {
                if (!job.state().finished()) {
                    jobs.put(job.id(), job.ended(JobState.FAILED, reason, at));
                    count++;
                }
            }
            return count;
        }
    }
}
