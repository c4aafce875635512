package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.model.UnknownModelException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes a version the one predictions use, or rolls back to the one active before. The store switches in one
 * transaction; then the in-memory model is swapped in one step, so this process serves the new version as soon as
 * the call returns.
 */
public final class ActivateModel {

    private final ModelRepository models;
    private final ActiveModel active;
    private final Clock clock;

    public ActivateModel(ModelRepository models, ActiveModel active, Clock clock) {
        this.models = models;
        this.active = active;
        this.clock = clock;
    }

    /**
     * @throws UnknownModelException when no version has that number
     * @throws NotUsable             when the version exists but has no model to serve (TRAINING or FAILED)
     */
    public Activation activate(int version) {
        ModelVersion model = usable(version, "activated");
        Activation activation = models.activate(version, clock.instant(), "activate");
        active.swapIn(model);
        return activation;
    }

    /**
     * Activates a version just trained unless the promotion gate refuses it; a refusal stays on the version as its
     * status reason (it can still be activated by hand).
     *
     * @return the gate's refusal, empty when the version is now active
     */
    public Optional<String> promote(ModelVersion trained, PromotionGate gate, double agreement) {
        Optional<String> refusal = gate.refusal(trained.model().metrics(), agreement);
        if (refusal.isPresent()) {
            models.setStatusReason(trained.version(), refusal.get());
        } else {
            activate(trained.version());
        }
        return refusal;
    }

    /** Activates the version that was active before the current one. */
    public Activation rollback() {
        List<Activation> history = models.activations();
        int current = models.activeVersion().orElseThrow(() -> new SegmentsException("no model is active; nothing to roll back"));
        Activation last = history.stream().filter(a -> a.version() == current).findFirst()
                .orElseThrow(() -> new SegmentsException("version " + current + " has no recorded activation to roll back"));
        int previous = last.previous().orElseThrow(() -> new SegmentsException(
                "version " + current + " was the first active model; there is nothing to roll back to"));
        ModelVersion model = models.find(previous).orElseThrow(() -> new UnknownModelException(previous));
        Activation activation = models.activate(previous, clock.instant(), "rollback");
        active.swapIn(model);
        return activation;
    }

    /**
     * Points an alias (champion, challenger, ...) at a version that has a model: READY, ACTIVE or RETIRED.
     *
     * @throws UnknownModelException when no version has that number
     * @throws NotUsable             when the version is TRAINING or FAILED
     */
    public void alias(String alias, int version) {
        String checked = ModelReference.checkAlias(alias);
        usable(version, "aliased");
        models.setAlias(checked, version);
    }

    /** The version's model, when its status says it has one. */
    private ModelVersion usable(int version, String what) {
        ModelSummary summary = models.summary(version).orElseThrow(() -> new UnknownModelException(version));
        if (summary.status() != ModelStatus.READY && summary.status() != ModelStatus.ACTIVE
                && summary.status() != ModelStatus.RETIRED) {
            throw new NotUsable(version, summary.status(), what);
        }
        return models.find(version).orElseThrow(() -> new NotUsable(version, summary.status(), what));
    }

    /** A version that exists but has no model to serve: a conflict with its state, not an unknown version. */
    public static final class NotUsable extends SegmentsException {
        NotUsable(int version, ModelStatus status, String what) {
            super("model version " + version + " is " + status.name() + " and has no model to serve, so it cannot be "
                    + what + "; only READY, ACTIVE or RETIRED versions can");
        }
    }
}
