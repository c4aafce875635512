package com.segments.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The storage port for model versions. Versions are numbered by the store, in order of creation; exactly one
 * version at a time may be active, and switching it is a single atomic step. Aliases name versions.
 */
public interface ModelRepository {

    /** Stores a model under the next version number, READY. Nothing of it is visible until this returns. */
    ModelVersion add(TrainedModel model, Instant createdAt, String triggeredBy);

    Optional<ModelVersion> find(int version);

    /** Records why a version is in its state (a promotion gate's refusal, say). */
    void setStatusReason(int version, String reason);

    /** The facts of one version (status, aliases, ...) without its artifact. */
    Optional<ModelSummary> summary(int version);

    /** The active version's number, if any version was ever activated. */
    OptionalInt activeVersion();

    /**
     * Makes {@code version} the active one, in one transaction: it becomes ACTIVE, the one it replaces RETIRED, and
     * the switch is recorded.
     *
     * @throws UnknownModelException if no such version exists
     * @throws com.segments.domain.SegmentsException if the version cannot serve (FAILED, still TRAINING)
     */
    Activation activate(int version, Instant at, String reason);

    /** The activations, newest first. */
    List<Activation> activations();

    /** Points {@code alias} at {@code version}, replacing where it pointed before. */
    void setAlias(String alias, int version);

    OptionalInt alias(String alias);

    /** Every alias and the version it points at. */
    Map<String, Integer> aliases();

    /** All versions, newest first. */
    List<ModelSummary> list();

    /** True when the store answers right now (for health checks). */
    boolean isAvailable();
}
