package com.segments.adapters.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code model_activation}: one switch of the active model. */
@MappedEntity("model_activation")
record ModelActivationRow(@Id Long id, int version, @Nullable Integer previous, Instant activatedAt, String reason) {
}
