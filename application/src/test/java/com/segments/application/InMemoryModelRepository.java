package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A model store in a list, for use-case tests that are about the use case, not about storage. */
final class InMemoryModelRepository implements ModelRepository {

    private final List<ModelVersion> versions = new ArrayList<>();
    private Integer active;

    @Override
    public synchronized ModelVersion add(TrainedModel model, Instant createdAt) {
        ModelVersion version = new ModelVersion(versions.size() + 1, createdAt, model);
        versions.add(version);
        return version;
    }

    @Override
    public synchronized Optional<ModelVersion> find(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public synchronized OptionalInt activeVersion() {
        return active == null ? OptionalInt.empty() : OptionalInt.of(active);
    }

    @Override
    public synchronized void activate(int version) {
        if (find(version).isEmpty()) {
            throw new UnknownModelException(version);
        }
        active = version;
    }

    @Override
    public synchronized List<ModelSummary> list() {
        return versions.stream().sorted(Comparator.comparingInt(ModelVersion::version).reversed())
                .map(v -> new ModelSummary(v.version(), v.model().algorithm(), v.model().segmentCount(), v.createdAt(),
                        active != null && active == v.version(), v.model().metrics().silhouette(),
                        v.model().fingerprint().source(), v.model().fingerprint().rows()))
                .toList();
    }

    @Override
    public boolean isAvailable() {
        return true;
    }
}
