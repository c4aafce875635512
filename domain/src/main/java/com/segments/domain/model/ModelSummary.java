package com.segments.domain.model;

import java.time.Instant;

/** One line of the model list: enough to choose a version without loading its artifact. */
public record ModelSummary(int version, String algorithm, int segmentCount, Instant createdAt, boolean active,
                           double silhouette, String dataSource, long dataRows) {
}
