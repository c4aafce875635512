package com.segments.adapters.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrainingJobRows extends GenericRepository<TrainingJobRow, String> {

    String COLUMNS = "id, source, algorithm, parameters, seed, state, progress, stage, created_at, started_at, "
            + "finished_at, version, error";

    Optional<TrainingJobRow> findById(String id);

    boolean existsById(String id);

    TrainingJobRow save(TrainingJobRow row);

    TrainingJobRow update(TrainingJobRow row);

    @Query("SELECT " + COLUMNS + " FROM training_job ORDER BY created_at DESC, id LIMIT :limit")
    List<TrainingJobRow> recent(int limit);

    @Query("SELECT " + COLUMNS + " FROM training_job WHERE source = :source AND state IN ('QUEUED', 'RUNNING') "
            + "ORDER BY created_at LIMIT 1")
    Optional<TrainingJobRow> unfinishedFor(String source);

    @Query("UPDATE training_job SET state = 'FAILED', error = :reason, stage = 'interrupted', finished_at = :at "
            + "WHERE state IN ('QUEUED', 'RUNNING')")
    long failUnfinished(String reason, Instant at);
}
