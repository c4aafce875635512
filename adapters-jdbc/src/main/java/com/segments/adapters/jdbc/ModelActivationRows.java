package com.segments.adapters.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Micronaut Data access to {@code model_activation}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModelActivationRows extends GenericRepository<ModelActivationRow, Long> {

    @Query("SELECT nextval('model_activation_seq')")
    long nextId();

    ModelActivationRow save(ModelActivationRow row);

    @Query("SELECT id, version, previous, activated_at, reason FROM model_activation ORDER BY id DESC")
    List<ModelActivationRow> newestFirst();
}
