package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelSummary;

import java.util.List;

/** Lists the stored model versions, newest first. */
public final class ListModels {

    private final ModelRepository models;

    public ListModels(ModelRepository models) {
        this.models = models;
    }

    public List<ModelSummary> list() {
        return models.list();
    }
}
