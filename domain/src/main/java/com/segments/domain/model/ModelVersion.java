package com.segments.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored, numbered model.
 *
 * <p>Only what never changes is here; the lifecycle status lives in the store ({@link ModelSummary}), so a copy
 * of a version held in memory never goes stale.
 *
 * @param version     1, 2, 3, ... in order of creation
 * @param createdAt   when it was stored
 * @param triggeredBy what created it (cli, api, ...)
 * @param model       the model itself
 */
public record ModelVersion(int version, Instant createdAt, String triggeredBy, TrainedModel model) {

    public ModelVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(model, "model");
    }
}
