package com.segments.adapters.jdbc;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The model store on Micronaut Data JDBC: PostgreSQL, or embedded H2 in PostgreSQL mode. */
@Singleton
class JdbcModelRepository implements ModelRepository {

    static final String ACTIVE = "active";

    private final ModelVersionRows versions;
    private final ModelPointerRows pointers;

    JdbcModelRepository(ModelVersionRows versions, ModelPointerRows pointers) {
        this.versions = versions;
        this.pointers = pointers;
    }

    @Override
    public ModelVersion add(TrainedModel model, Instant createdAt) {
        // Both databases keep microseconds at most; store what will be read back.
        Instant stored = createdAt.truncatedTo(ChronoUnit.MICROS);
        int version = Math.toIntExact(versions.nextVersion());
        double silhouette = model.metrics().silhouette();
        versions.save(new ModelVersionRow(version, model.algorithm(), model.segmentCount(), stored,
                Double.isNaN(silhouette) ? null : silhouette, model.fingerprint().source(), model.fingerprint().rows(),
                model.fingerprint().sha256(), ModelArtifactJson.write(model)));
        return new ModelVersion(version, stored, model);
    }

    @Override
    public Optional<ModelVersion> find(int version) {
        return versions.findById(version)
                .map(row -> new ModelVersion(row.version(), row.createdAt(), ModelArtifactJson.read(row.artifact())));
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
    public void activate(int version) {
        if (!versions.existsById(version)) {
            throw new UnknownModelException(version);
        }
        pointers.point(ACTIVE, version, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public List<ModelSummary> list() {
        OptionalInt active = activeVersion();
        return versions.listNewestFirst().stream().map(row -> new ModelSummary(row.version(), row.algorithm(),
                row.segmentCount(), row.createdAt(), active.isPresent() && active.getAsInt() == row.version(),
                row.silhouette() == null ? Double.NaN : row.silhouette(), row.dataSource(), row.dataRows())).toList();
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
}
