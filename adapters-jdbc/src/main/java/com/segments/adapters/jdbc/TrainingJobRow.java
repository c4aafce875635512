package com.segments.adapters.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code training_job}; parameters are stored as {@code name=value} pairs separated by commas. */
@MappedEntity("training_job")
record TrainingJobRow(@Id String id, String source, String algorithm, String parameters, long seed, String state,
                      double progress, @Nullable String stage, Instant createdAt, @Nullable Instant startedAt,
                      @Nullable Instant finishedAt, @Nullable Integer version, @Nullable String error) {
}
