package com.segments.application;

import com.segments.domain.model.ModelRepository;

import java.util.OptionalInt;

/** Whether the service can do its work: the store answers, and which model is active. */
public final class CheckHealth {

    private final ModelRepository models;

    public CheckHealth(ModelRepository models) {
        this.models = models;
    }

    /**
     * @param databaseUp   the model store answered
     * @param activeModel  the active version, empty when none is active or the store is down
     */
    public record Health(boolean databaseUp, OptionalInt activeModel) {
    }

    public Health check() {
        if (!models.isAvailable()) {
            return new Health(false, OptionalInt.empty());
        }
        return new Health(true, models.activeVersion());
    }
}
