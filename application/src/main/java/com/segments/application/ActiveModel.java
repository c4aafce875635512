package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model predictions use, held in memory and replaced in one step. A request reads it once, so during a swap
 * every request is answered wholly by the old model or wholly by the new one, and none fails. Activations in this
 * process swap it at once; {@link #refresh()} (run periodically by the server) picks up activations made by other
 * processes. When the store cannot be reached, the model in memory keeps serving.
 */
public final class ActiveModel {

    private final ModelRepository models;
    private final AtomicReference<ModelVersion> current = new AtomicReference<>();

    public ActiveModel(ModelRepository models) {
        this.models = models;
    }

    /** The active model, loading it on first use. */
    public Optional<ModelVersion> current() {
        ModelVersion model = current.get();
        if (model == null) {
            refresh();
            model = current.get();
        }
        return Optional.ofNullable(model);
    }

    /**
     * Reads which version is active and swaps it in if it changed.
     *
     * @return false when the store could not be reached (the model in memory, if any, keeps serving)
     */
    public boolean refresh() {
        ModelVersion before = current.get();
        try {
            OptionalInt active = models.activeVersion();
            if (active.isEmpty() || before != null && before.version() == active.getAsInt()) {
                return true;
            }
            models.find(active.getAsInt()).ifPresent(loaded -> current.compareAndSet(before, loaded));
            return true;
        } catch (RuntimeException storeUnavailable) {
            return false;
        }
    }

    /** Serves {@code model} from now on; called once its activation is committed. */
    void swapIn(ModelVersion model) {
        current.set(model);
    }
}
