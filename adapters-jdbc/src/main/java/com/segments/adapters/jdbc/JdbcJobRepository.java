package com.segments.adapters.jdbc;

import com.segments.domain.job.JobRepository;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Training jobs on Micronaut Data JDBC. */
@Singleton
class JdbcJobRepository implements JobRepository {

    private final TrainingJobRows rows;

    JdbcJobRepository(TrainingJobRows rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public void save(TrainingJob job) {
        TrainingJobRow row = toRow(job);
        if (rows.existsById(job.id())) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    @Override
    public Optional<TrainingJob> find(String id) {
        return rows.findById(id).map(JdbcJobRepository::toJob);
    }

    @Override
    public List<TrainingJob> recent(int limit) {
        return rows.recent(limit).stream().map(JdbcJobRepository::toJob).toList();
    }

    @Override
    public Optional<TrainingJob> unfinishedFor(String source) {
        return rows.unfinishedFor(source).map(JdbcJobRepository::toJob);
    }

    @Override
    public int failUnfinished(String reason, Instant at) {
        return Math.toIntExact(rows.failUnfinished(reason, at.truncatedTo(ChronoUnit.MICROS)));
    }

    private static TrainingJobRow toRow(TrainingJob job) {
        String parameters = job.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return new TrainingJobRow(job.id(), job.source(), job.algorithm(), parameters, job.seed(), job.state().name(),
                job.progress(), job.stage(), micros(job.createdAt()), micros(job.startedAt()), micros(job.finishedAt()),
                job.version(), job.error());
    }

    private static TrainingJob toJob(TrainingJobRow row) {
        Map<String, Integer> parameters = new LinkedHashMap<>();
        if (!row.parameters().isEmpty()) {
            Arrays.stream(row.parameters().split(",")).map(p -> p.split("=", 2))
                    .forEach(p -> parameters.put(p[0], Integer.parseInt(p[1])));
        }
        return new TrainingJob(row.id(), row.source(), row.algorithm(), parameters, row.seed(),
                JobState.valueOf(row.state()), row.progress(), row.stage(), row.createdAt(), row.startedAt(),
                row.finishedAt(), row.version(), row.error());
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
