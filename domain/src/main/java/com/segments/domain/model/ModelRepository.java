package com.segments.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The storage port for model versions. Versions are numbered by the store, in order of creation; exactly one
 * version at a time may be active, and switching it is a single atomic step.
 */
public interface ModelRepository {

    /** Stores a model under the next version number. Nothing of it is visible until this returns. */
    ModelVersion add(TrainedModel model, Instant createdAt);

    Optional<ModelVersion> find(int version);

    /** The active version's number, if any version was ever activated. */
    OptionalInt activeVersion();

    /**
     * Makes {@code version} the active one, atomically.
     *
     * @throws UnknownModelException if no such version exists
     */
    void activate(int version);

    /** All versions, newest first. */
    List<ModelSummary> list();

    /** True when the store answers right now (for health checks). */
    boolean isAvailable();
}
