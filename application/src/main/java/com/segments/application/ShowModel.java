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

    public record Shown(ModelSummary summary, ModelVersion version) {
    }

    public Shown show(ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        ModelSummary summary = models.summary(version.version())
                .orElseThrow(() -> new UnknownModelException(version.version()));
        return new Shown(summary, version);
    }
}
