package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.UnknownModelException;

/** One model version in full: its lifecycle facts and the model itself. */
public final class ShowModel {

    private final ModelRepository models;
    private final ModelLookup lookup;

    public ShowModel(ModelRepository models, ModelLookup lookup) {
        this.models = models;
        this.lookup = lookup;
    }

    /** @param version the version with its model; null for a version that has none (TRAINING, FAILED) */
    public record Shown(ModelSummary summary, ModelVersion version) {
    }

    public Shown show(ModelReference reference) {
        if (reference.version() != null && models.find(reference.version()).isEmpty()) {
            ModelSummary summary = models.summary(reference.version())
                    .orElseThrow(() -> new UnknownModelException(reference.version()));
            return new Shown(summary, null); // numbered but without a model: its status and reason say why
        }
        ModelVersion version = lookup.resolve(reference);
        ModelSummary summary = models.summary(version.version())
                .orElseThrow(() -> new UnknownModelException(version.version()));
        return new Shown(summary, version);
    }
}
