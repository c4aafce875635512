package com.segments.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * One line of the model list: enough to choose a version without loading its artifact.
 *
 * @param status       lifecycle state
 * @param statusReason why, for FAILED versions
 * @param triggeredBy  what created the version (cli, api, ...)
 * @param aliases      the aliases that point at it (champion, challenger, ...)
 */
public record ModelSummary(int version, String algorithm, int segmentCount, Instant createdAt, ModelStatus status,
                           String statusReason, String triggeredBy, List<String> aliases, double silhouette,
                           String dataSource, long dataRows) {

    public ModelSummary {
        aliases = List.copyOf(aliases);
    }

    public boolean active() {
        return status == ModelStatus.ACTIVE;
    }
}
