package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.NoActiveModelException;
import com.segments.domain.model.UnknownAliasException;
import com.segments.domain.model.UnknownModelException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the model a request asks for. The active model comes from memory ({@link ActiveModel}); a version or an
 * alias is read from the store once per version and then kept, since a stored version never changes.
 */
public final class ModelLookup {

    private static final int CACHED_VERSIONS = 8;

    private final ModelRepository models;
    private final ActiveModel active;
    private final Map<Integer, ModelVersion> loaded = new ConcurrentHashMap<>();

    /** A version that exists but holds no model: still TRAINING, or FAILED. */
    public static final class ModelNotServable extends com.segments.domain.SegmentsException {
        ModelNotServable(com.segments.domain.model.ModelSummary summary) {
            super("model version " + summary.version() + " is " + summary.status() + " and has no model to serve"
                    + (summary.statusReason() == null ? "" : " (" + summary.statusReason() + ")"));
        }
    }

    public ModelLookup(ModelRepository models, ActiveModel active) {
        this.models = models;
        this.active = active;
    }

    /**
     * @throws NoActiveModelException when the active model is asked for and none is active
     * @throws UnknownModelException  when the version does not exist
     * @throws UnknownAliasException  when the alias points nowhere
     */
    public ModelVersion resolve(ModelReference reference) {
        if (reference.version() == null && reference.alias() == null) {
            return active.current().orElseThrow(NoActiveModelException::new);
        }
        int wanted = reference.version() != null ? reference.version()
                : models.alias(reference.alias()).orElseThrow(() -> new UnknownAliasException(reference.alias()));
        ModelVersion model = loaded.get(wanted);
        if (model != null) {
            return model;
        }
        model = models.find(wanted).orElseThrow(() -> models.summary(wanted)
                .<RuntimeException>map(summary -> new ModelNotServable(summary))
                .orElseGet(() -> new UnknownModelException(wanted)));
        if (loaded.size() >= CACHED_VERSIONS) {
            loaded.clear();
        }
        loaded.put(wanted, model);
        return model;
    }
}
