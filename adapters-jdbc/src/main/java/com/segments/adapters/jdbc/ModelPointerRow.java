package com.segments.adapters.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code model_pointer}: a named pointer ('active') at a version, or at none yet. */
@MappedEntity("model_pointer")
record ModelPointerRow(@Id String name, @Nullable Integer version, @Nullable Instant updatedAt) {
}
