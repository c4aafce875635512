package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A model store in memory, for use-case tests that are about the use case, not about storage. It can be made
 * unreachable, as a database that went away.
 */
final class InMemoryModelRepository implements ModelRepository {

    /** One numbered version; {@code model} is null while TRAINING and when FAILED. */
    private record Entry(int version, Instant createdAt, String triggeredBy, String algorithm, String source,
                         ModelVersion model) {
    }

    private final List<Entry> versions = new ArrayList<>();
    private final Map<Integer, ModelStatus> statuses = new HashMap<>();
    private final Map<String, Integer> aliases = new TreeMap<>();
    private final List<Activation> activations = new ArrayList<>();
    private Integer active;
    private boolean down;

    synchronized void goDown() {
        down = true;
    }

    private void check() {
        if (down) {
            throw new IllegalStateException("the store is unreachable");
        }
    }

    @Override
    public synchronized int reserve(String algorithm, String dataSource, Instant createdAt, String triggeredBy) {
        check();
        int version = versions.size() + 1;
        versions.add(new Entry(version, createdAt, triggeredBy, algorithm, dataSource, null));
        statuses.put(version, ModelStatus.TRAINING);
        return version;
    }

    @Override
    public synchronized ModelVersion complete(int version, TrainedModel model) {
        check();
        if (statuses.get(version) != ModelStatus.TRAINING) {
            throw new SegmentsException("model version " + version + " is " + statuses.get(version) + ", not TRAINING");
        }
        Entry entry = versions.get(version - 1);
        ModelVersion stored = new ModelVersion(version, entry.createdAt(), entry.triggeredBy(), model);
        versions.set(version - 1, new Entry(version, entry.createdAt(), entry.triggeredBy(), model.algorithm(),
                model.fingerprint().source(), stored));
        statuses.put(version, ModelStatus.READY);
        return stored;
    }

    @Override
    public synchronized void fail(int version, String reason) {
        if (statuses.get(version) == ModelStatus.TRAINING) {
            statuses.put(version, ModelStatus.FAILED);
            reasons.put(version, reason);
        }
    }

    @Override
    public synchronized int failTraining(String reason) {
        int failed = 0;
        for (Entry entry : versions) {
            if (statuses.get(entry.version()) == ModelStatus.TRAINING) {
                fail(entry.version(), reason);
                failed++;
            }
        }
        return failed;
    }

    @Override
    public synchronized Optional<ModelVersion> find(int version) {
        check();
        return versions.stream().filter(v -> v.version() == version && v.model() != null).map(Entry::model).findFirst();
    }

    private final Map<Integer, String> reasons = new HashMap<>();

    @Override
    public synchronized void setStatusReason(int version, String reason) {
        reasons.put(version, reason);
    }

    @Override
    public synchronized Optional<ModelSummary> summary(int version) {
        return list().stream().filter(s -> s.version() == version).findFirst();
    }

    @Override
    public synchronized OptionalInt activeVersion() {
        check();
        return active == null ? OptionalInt.empty() : OptionalInt.of(active);
    }

    @Override
    public synchronized Activation activate(int version, Instant at, String reason) {
        if (version < 1 || version > versions.size()) {
            throw new UnknownModelException(version);
        }
        if (statuses.get(version) == ModelStatus.FAILED || statuses.get(version) == ModelStatus.TRAINING) {
            throw new SegmentsException("model version " + version + " is " + statuses.get(version)
                    + " and cannot serve predictions");
        }
        OptionalInt previous = activeVersion();
        if (active != null && active != version) {
            statuses.put(active, ModelStatus.RETIRED);
        }
        statuses.put(version, ModelStatus.ACTIVE);
        active = version;
        Activation activation = new Activation(version, previous, at, reason);
        activations.addFirst(activation);
        return activation;
    }

    @Override
    public synchronized List<Activation> activations() {
        check();
        return List.copyOf(activations);
    }

    @Override
    public synchronized void setAlias(String alias, int version) {
        if (find(version).isEmpty()) {
            throw new UnknownModelException(version);
        }
        aliases.put(alias, version);
    }

    @Override
    public synchronized OptionalInt alias(String alias) {
        check();
        Integer version = aliases.get(alias);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    @Override
    public synchronized Map<String, Integer> aliases() {
        check();
        return Map.copyOf(aliases);
    }

    @Override
    public synchronized List<ModelSummary> list() {
        check();
        return versions.stream().sorted(Comparator.comparingInt(Entry::version).reversed())
                .map(v -> new ModelSummary(v.version(), v.algorithm(), v.model() == null ? 0 : v.model().model().segmentCount(),
                        v.createdAt(), statuses.get(v.version()), reasons.get(v.version()), v.triggeredBy(),
                        aliases.entrySet().stream().filter(e -> e.getValue() == v.version()).map(Map.Entry::getKey).toList(),
                        v.model() == null ? Double.NaN : v.model().model().metrics().silhouette(), v.source(),
                        v.model() == null ? 0 : v.model().model().fingerprint().rows()))
                .toList();
    }

    @Override
    public synchronized boolean isAvailable() {
        return !down;
    }
}
