package com.segments.adapters.jdbc;

import com.segments.domain.job.JobRepository;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link JobRepository} must do; each database gets a subclass. */
abstract class JobRepositoryContract {

    private TestDatabases.Database database;
    private ApplicationContext context;
    private JobRepository jobs;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() {
        database = database();
        context = ApplicationContext.run(database.properties());
        jobs = context.getBean(JobRepository.class);
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    private static TrainingJob queued(String id, String source, String created) {
        return new TrainingJob(id, source, "kmeans", Map.of("k", 4, "restarts", 3), 42L, JobState.QUEUED, 0, "queued",
                Instant.parse(created), null, null, null, null);
    }

    @Test
    void aJobIsStoredAndUpdatedThroughItsLife() {
        TrainingJob job = queued("a", "/data/cc.csv", "2026-01-01T00:00:00Z");
        jobs.save(job);
        TrainingJob running = job.running(Instant.parse("2026-01-01T00:00:01Z")).progressed(0.5, "fitting kmeans");
        jobs.save(running);
        assertThat(jobs.find("a")).hasValue(running);
        assertThat(jobs.find("nope")).isEmpty();
    }

    @Test
    void findsTheUnfinishedJobOfASource() {
        jobs.save(queued("a", "/data/cc.csv", "2026-01-01T00:00:00Z"));
        jobs.save(queued("b", "/data/other.csv", "2026-01-01T00:00:01Z").ended(JobState.FAILED, "bad", Instant.now()));
        assertThat(jobs.unfinishedFor("/data/cc.csv")).map(TrainingJob::id).hasValue("a");
        assertThat(jobs.unfinishedFor("/data/other.csv")).isEmpty();
    }

    @Test
    void listsNewestFirst() {
        jobs.save(queued("old", "/x.csv", "2026-01-01T00:00:00Z"));
        jobs.save(queued("new", "/y.csv", "2026-01-02T00:00:00Z"));
        assertThat(jobs.recent(10)).extracting(TrainingJob::id).containsExactly("new", "old");
        assertThat(jobs.recent(1)).hasSize(1);
    }

    @Test
    void unfinishedJobsOfAnEarlierProcessBecomeFailedInterrupted() {
        jobs.save(queued("q", "/x.csv", "2026-01-01T00:00:00Z"));
        jobs.save(queued("r", "/y.csv", "2026-01-01T00:00:00Z").running(Instant.parse("2026-01-01T00:00:05Z")));
        jobs.save(queued("done", "/z.csv", "2026-01-01T00:00:00Z").ended(JobState.CANCELLED, "cancelled", Instant.now()));

        assertThat(jobs.failUnfinished("interrupted", Instant.parse("2026-01-01T01:00:00Z"))).isEqualTo(2);

        assertThat(jobs.find("r").orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.find("r").orElseThrow().error()).isEqualTo("interrupted");
        assertThat(jobs.find("done").orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }
}
