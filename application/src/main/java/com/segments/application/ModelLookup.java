package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.NoActiveModelException;
import com.segments.domain.model.UnknownModelException;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the model a request asks for: a given version, or the active one. Versions never change once stored, so
 * loaded ones are kept in memory and a request costs at most one look-up of which version is active.
 */
public final class ModelLookup {

    private static final int CACHED_VERSIONS = 8;

    private final ModelRepository models;
    private final Map<Integer, ModelVersion> loaded = new ConcurrentHashMap<>();

    public ModelLookup(ModelRepository models) {
        this.models = models;
    }

    /**
     * @param version a version number, or empty for the active version
     * @throws NoActiveModelException when no version is given and none is active
     * @throws UnknownModelException  when the version does not exist
     */
    public ModelVersion resolve(OptionalInt version) {
        int wanted = version.isPresent() ? version.getAsInt()
                : models.activeVersion().orElseThrow(NoActiveModelException::new);
        ModelVersion model = loaded.get(wanted);
        if (model != null) {
            return model;
        }
        model = models.find(wanted).orElseThrow(() -> new UnknownModelException(wanted));
        if (loaded.size() >= CACHED_VERSIONS) {
            loaded.clear();
        }
        loaded.put(wanted, model);
        return model;
    }
}
