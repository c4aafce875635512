package com.segments.application;

import com.segments.domain.model.ModelRepository;

import java.util.OptionalInt;

/** Whether the service can do its work: the store answers, and which model is active. */
public final class CheckHealth {

    private final ModelRepository models;
    private final ActiveModel active;

    public CheckHealth(ModelRepository models, ActiveModel active) {
        this.models = models;
        this.active = active;
    }

    /**
     * @param databaseUp  the model store answered
     * @param activeModel the version predictions are served from (from memory: it keeps serving when the store is
     *                    down), empty when none is active
     */
    public record Health(boolean databaseUp, OptionalInt activeModel) {
    }

    public Health check() {
        boolean up = models.isAvailable();
        if (up) {
            active.refresh();
        }
        OptionalInt serving = active.current().map(m -> OptionalInt.of(m.version())).orElse(OptionalInt.empty());
        return new Health(up, serving);
    }
}
