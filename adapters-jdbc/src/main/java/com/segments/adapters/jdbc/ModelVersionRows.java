package com.segments.adapters.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Micronaut Data access to {@code model_version}. H2 runs in PostgreSQL mode, so one dialect serves both. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModelVersionRows extends GenericRepository<ModelVersionRow, Integer> {

    @Query("SELECT nextval('model_version_seq')")
    long nextVersion();

    ModelVersionRow save(ModelVersionRow row);

    Optional<ModelVersionRow> findById(Integer version);

    boolean existsById(Integer version);

    @Query("SELECT " + SUMMARY_COLUMNS + " FROM model_version ORDER BY version DESC")
    List<ModelSummaryRow> listNewestFirst();

    @Query("SELECT " + SUMMARY_COLUMNS + " FROM model_version WHERE version = :version")
    Optional<ModelSummaryRow> summary(int version);

    @Query("UPDATE model_version SET status_reason = :reason WHERE version = :version")
    long updateStatusReason(int version, String reason);

    @Query("UPDATE model_version SET status = :status WHERE version = :version")
    long updateStatus(int version, String status);

    @Query("UPDATE model_version SET algorithm = :algorithm, segment_count = :segmentCount, silhouette = :silhouette, "
            + "data_source = :dataSource, data_rows = :dataRows, data_sha256 = :dataSha256, artifact = :artifact, "
            + "artifact_sha256 = :artifactSha256, artifact_hmac = :artifactHmac, "
            + "status = 'READY', status_reason = NULL WHERE version = :version AND status = 'TRAINING'")
    long complete(int version, String algorithm, int segmentCount, @io.micronaut.core.annotation.Nullable Double silhouette,
                  String dataSource, long dataRows, String dataSha256, String artifact, String artifactSha256,
                  @io.micronaut.core.annotation.Nullable String artifactHmac);

    /** Every stored document with its digest and signature, to tell which versions a listing must show refused. */
    @Query("SELECT version, artifact, artifact_sha256, artifact_hmac FROM model_version WHERE artifact IS NOT NULL")
    List<ModelDocumentRow> documents();

    @Query("SELECT version, artifact, artifact_sha256, artifact_hmac FROM model_version WHERE version = :version")
    Optional<ModelDocumentRow> document(int version);

    @Query("UPDATE model_version SET status = 'FAILED', status_reason = :reason WHERE version = :version AND status = 'TRAINING'")
    long fail(int version, String reason);

    @Query("UPDATE model_version SET status = 'FAILED', status_reason = :reason WHERE status = 'TRAINING'")
    long failTraining(String reason);

    String SUMMARY_COLUMNS = "version, algorithm, segment_count, created_at, silhouette, data_source, data_rows, status, "
            + "status_reason, triggered_by";
}
