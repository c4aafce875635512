package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalInt;

/** The model store on Micronaut Data JDBC: PostgreSQL, or embedded H2 in PostgreSQL mode. */
@Singleton
class JdbcModelRepository implements ModelRepository {

    static final String ACTIVE = "active";

    private final ModelVersionRows versions;
    private final ModelPointerRows pointers;
    private final ModelActivationRows activations;
    private final ModelDigests digests;

    JdbcModelRepository(ModelVersionRows versions, ModelPointerRows pointers, ModelActivationRows activations,
                        @Value("${segments.model.signing-key:}") String signingKey) {
        this.versions = versions;
        this.pointers = pointers;
        this.activations = activations;
        this.digests = new ModelDigests(signingKey);
    }

    @Override
    public ModelVersion add(TrainedModel model, Instant createdAt, String triggeredBy) {
        // Both databases keep microseconds at most; store what will be read back.
        Instant stored = createdAt.truncatedTo(ChronoUnit.MICROS);
        int version = Math.toIntExact(versions.nextVersion());
        double silhouette = model.metrics().silhouette();
        String document = ModelArtifactJson.write(model);
        String sha256 = ModelDigests.sha256(document);
        versions.save(new ModelVersionRow(version, model.algorithm(), model.segmentCount(), stored,
                Double.isNaN(silhouette) ? null : silhouette, model.fingerprint().source(), model.fingerprint().rows(),
                model.fingerprint().sha256(), document, sha256, digests.hmac(version, sha256), ModelStatus.READY.name(),
                null, triggeredBy));
        return new ModelVersion(version, stored, triggeredBy, model);
    }

    @Override
    public int reserve(String algorithm, String dataSource, Instant createdAt, String triggeredBy) {
        int version = Math.toIntExact(versions.nextVersion());
        versions.save(new ModelVersionRow(version, algorithm, 0, createdAt.truncatedTo(ChronoUnit.MICROS), null,
                dataSource, 0, "", null, null, null, ModelStatus.TRAINING.name(), null, triggeredBy));
        return version;
    }

    @Override
    public ModelVersion complete(int version, TrainedModel model) {
        double silhouette = model.metrics().silhouette();
        String document = ModelArtifactJson.write(model);
        String sha256 = ModelDigests.sha256(document);
        long updated = versions.complete(version, model.algorithm(), model.segmentCount(),
                Double.isNaN(silhouette) ? null : silhouette, model.fingerprint().source(), model.fingerprint().rows(),
                model.fingerprint().sha256(), document, sha256, digests.hmac(version, sha256));
        if (updated == 0) {
            ModelSummaryRow row = versions.summary(version).orElseThrow(() -> new UnknownModelException(version));
            throw new SegmentsException("model version " + version + " is " + row.status() + ", not TRAINING; its model "
                    + "was not stored" + (row.statusReason() == null ? "" : " (" + row.statusReason() + ")"));
        }
        ModelSummaryRow row = versions.summary(version).orElseThrow(() -> new UnknownModelException(version));
        return new ModelVersion(version, row.createdAt(), row.triggeredBy(), model);
    }

    @Override
    public void fail(int version, String reason) {
        versions.fail(version, reason);
    }

    @Override
    public int failTraining(String reason) {
        return Math.toIntExact(versions.failTraining(reason));
    }

    @Override
    public Optional<ModelVersion> find(int version) {
        return versions.findById(version).filter(row -> row.artifact() != null)
                .map(row -> {
                    // before parsing: a document that fails its check is never read, let alone served
                    digests.check(row.version(), row.artifact(), row.artifactSha256(), row.artifactHmac());
                    return new ModelVersion(row.version(), row.createdAt(), row.triggeredBy(),
                            ModelArtifactJson.read(row.artifact()));
                });
    }

    @Override
    public void setStatusReason(int version, String reason) {
        if (versions.updateStatusReason(version, reason) == 0) {
            throw new UnknownModelException(version);
        }
    }

    @Override
    public Optional<ModelSummary> summary(int version) {
        Map<Integer, List<String>> aliases = aliasesByVersion();
        Map<Integer, String> refused = new HashMap<>();
        versions.document(version).ifPresent(d -> digests.problem(d.version(), d.artifact(), d.artifactSha256(),
                d.artifactHmac()).ifPresent(p -> refused.put(d.version(), p)));
        return versions.summary(version).map(row -> toSummary(row, aliases, refused));
    }

    @Override
    public OptionalInt activeVersion() {
        return pointers.findById(ACTIVE)
                .map(ModelPointerRow::version)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    @Override
    @Transactional
    public Activation activate(int version, Instant at, String reason) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        ModelPointerRow pointer = pointers.lock(ACTIVE)
                .orElseThrow(() -> new IllegalStateException("the 'active' pointer row is missing; was the schema migrated?"));
        ModelStatus status = versions.summary(version).map(row -> ModelStatus.valueOf(row.status()))
                .orElseThrow(() -> new UnknownModelException(version));
        if (status == ModelStatus.FAILED || status == ModelStatus.TRAINING) {
            throw new SegmentsException("model version " + version + " is " + status + " and cannot serve predictions");
        }
        versions.document(version).ifPresent(d -> digests.check(d.version(), d.artifact(), d.artifactSha256(),
                d.artifactHmac()));
        OptionalInt previous = pointer.version() == null ? OptionalInt.empty() : OptionalInt.of(pointer.version());
        if (previous.isPresent() && previous.getAsInt() == version) {
            return new Activation(version, previous, when, reason);
        }
        pointers.point(ACTIVE, version, when);
        previous.ifPresent(p -> versions.updateStatus(p, ModelStatus.RETIRED.name()));
        versions.updateStatus(version, ModelStatus.ACTIVE.name());
        activations.save(new ModelActivationRow(activations.nextId(), version,
                previous.isPresent() ? previous.getAsInt() : null, when, reason));
        return new Activation(version, previous, when, reason);
    }

    @Override
    public List<Activation> activations() {
        return activations.newestFirst().stream().map(row -> new Activation(row.version(),
                row.previous() == null ? OptionalInt.empty() : OptionalInt.of(row.previous()), row.activatedAt(),
                row.reason())).toList();
    }

    @Override
    @Transactional
    public void setAlias(String alias, int version) {
        if (!versions.existsById(version)) {
            throw new UnknownModelException(version);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (pointers.point(alias, version, now) == 0) {
            pointers.save(new ModelPointerRow(alias, version, now));
        }
    }

    @Override
    public OptionalInt alias(String alias) {
        return pointers.findById(alias).map(ModelPointerRow::version).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public Map<String, Integer> aliases() {
        Map<String, Integer> aliases = new TreeMap<>();
        pointers.aliases().forEach(row -> aliases.put(row.name(), row.version()));
        return aliases;
    }

    @Override
    public List<ModelSummary> list() {
        Map<Integer, List<String>> aliases = aliasesByVersion();
        Map<Integer, String> refused = refused();
        return versions.listNewestFirst().stream().map(row -> toSummary(row, aliases, refused)).toList();
    }

    @Override
    public boolean isAvailable() {
        try {
            pointers.ping();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Map<Integer, List<String>> aliasesByVersion() {
        Map<Integer, List<String>> byVersion = new HashMap<>();
        aliases().forEach((alias, version) -> byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(alias));
        return byVersion;
    }

    /** Versions whose stored document fails its integrity check, with why. */
    private Map<Integer, String> refused() {
        Map<Integer, String> refused = new HashMap<>();
        for (ModelDocumentRow d : versions.documents()) {
            digests.problem(d.version(), d.artifact(), d.artifactSha256(), d.artifactHmac())
                    .ifPresent(p -> refused.put(d.version(), p));
        }
        return refused;
    }

    /** A refused version is listed as FAILED with the reason, whatever its row says: nothing may select it. */
    private static ModelSummary toSummary(ModelSummaryRow row, Map<Integer, List<String>> aliases,
                                          Map<Integer, String> refused) {
        String problem = refused.get(row.version());
        return new ModelSummary(row.version(), row.algorithm(), row.segmentCount(), row.createdAt(),
                problem == null ? ModelStatus.valueOf(row.status()) : ModelStatus.FAILED,
                problem == null ? row.statusReason() : problem, row.triggeredBy(),
                aliases.getOrDefault(row.version(), List.of()),
                row.silhouette() == null ? Double.NaN : row.silhouette(), row.dataSource(), row.dataRows());
    }
}
