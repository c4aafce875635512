package com.segments.adapters.jdbc;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A model version without its artifact, for listing. */
@Introspected
record ModelSummaryRow(int version, String algorithm, int segmentCount, Instant createdAt, @Nullable Double silhouette,
                       String dataSource, long dataRows, String status, @Nullable String statusReason, String triggeredBy) {
}
