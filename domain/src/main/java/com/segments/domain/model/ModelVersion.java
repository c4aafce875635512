package com.segments.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored, numbered model.
 *
 * @param version   1, 2, 3, ... in order of creation
 * @param createdAt when it was stored
 * @param model     the model itself
 */
public record ModelVersion(int version, Instant createdAt, TrainedModel model) {

    public ModelVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(model, "model");
    }
}
