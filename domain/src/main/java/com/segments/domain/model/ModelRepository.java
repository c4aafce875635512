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
    default ModelVersion add(TrainedModel model, Instant createdAt, String triggeredBy) {
        return complete(reserve(model.algorithm(), model.fingerprint().source(), createdAt, triggeredBy), model);
    }

    /**
     * Numbers a version whose training is starting: it is listed as TRAINING, has no model, and cannot serve.
     *
     * @return the version number
     */
    int reserve(String algorithm, String dataSource, Instant createdAt, String triggeredBy);

    /**
     * Stores the trained model of a TRAINING version, in one step, and makes it READY.
     *
     * @throws com.segments.domain.SegmentsException when the version is not TRAINING (failed meanwhile, say)
     */
    ModelVersion complete(int version, TrainedModel model);

    /** Marks a TRAINING version FAILED with the reason; it keeps no model. */
    void fail(int version, String reason);

    /** Marks every TRAINING version FAILED with the reason (after a restart); returns how many. */
    int failTraining(String reason);

    /** The version with its model; empty when it does not exist or has no model (TRAINING, FAILED). */
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
