package com.segments.adapters.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code model_version}: the searchable facts of a model and its JSON artifact. */
@MappedEntity("model_version")
record ModelVersionRow(
        @Id Integer version,
        String algorithm,
        int segmentCount,
        Instant createdAt,
        @io.micronaut.core.annotation.Nullable Double silhouette,
        String dataSource,
        long dataRows,
        String dataSha256,
        @io.micronaut.core.annotation.Nullable String artifact,
        @io.micronaut.core.annotation.Nullable String artifactSha256,
        @io.micronaut.core.annotation.Nullable String artifactHmac,
        String status,
        @io.micronaut.core.annotation.Nullable String statusReason,
        String triggeredBy) {
}
