package com.segments.adapters.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Micronaut Data access to {@code model_pointer}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModelPointerRows extends GenericRepository<ModelPointerRow, String> {

    Optional<ModelPointerRow> findById(String name);

    /** A round trip to the database, for health checks. */
    @Query("SELECT COUNT(*) FROM model_pointer")
    long ping();

    @Query("UPDATE model_pointer SET version = :version, updated_at = :updatedAt WHERE name = :name")
    long point(String name, int version, Instant updatedAt);

    /** The pointer row, locked until the transaction ends: activations queue here instead of racing. */
    @Query("SELECT name, version, updated_at FROM model_pointer WHERE name = :name FOR UPDATE")
    Optional<ModelPointerRow> lock(String name);

    ModelPointerRow save(ModelPointerRow row);

    @Query("SELECT name, version, updated_at FROM model_pointer WHERE name <> 'active' AND version IS NOT NULL ORDER BY name")
    java.util.List<ModelPointerRow> aliases();
}
