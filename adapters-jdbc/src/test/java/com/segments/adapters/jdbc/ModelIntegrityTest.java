package com.segments.adapters.jdbc;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored models carry a digest (and with a key, a signature); a changed or unsigned one is refused by name. */
class ModelIntegrityTest {

    private static final String KEY = "a-signing-key-of-forty-bytes-0123456789";

    @TempDir
    Path directory;

    private TestDatabases.Database database;
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private ModelRepository open(String signingKey) {
        if (context != null) {
            context.close();
        }
        if (database == null) {
            database = TestDatabases.h2(directory);
        }
        Map<String, Object> properties = new HashMap<>(database.properties());
        if (signingKey != null) {
            properties.put("segments.model.signing-key", signingKey);
        }
        context = ApplicationContext.run(properties);
        return context.getBean(ModelRepository.class);
    }

    private Connection connect() throws SQLException {
        Map<String, Object> p = database.properties();
        return DriverManager.getConnection((String) p.get("datasources.default.url"),
                (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"));
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private String column(String column, int version) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT " + column + " FROM model_version WHERE version = " + version)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static ModelSummary listed(ModelRepository models, int version) {
        return models.list().stream().filter(m -> m.version() == version).findFirst().orElseThrow();
    }

    @Test
    void aDocumentChangedInTheDatabaseIsRefusedEverywhere() throws Exception {
        ModelRepository models = open(null);
        int version = models.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        assertThat(column("artifact_sha256", version)).isEqualTo(ModelDigests.sha256(column("artifact", version)));
        assertThat(models.find(version)).isPresent();

        // one space more: the same model to a JSON reader, another document to the digest
        sql("UPDATE model_version SET artifact = artifact || ' ' WHERE version = ?", version);

        String refused = "model version " + version + " does not match its digest: its document was changed outside "
                + "Segments; refused";
        assertThatThrownBy(() -> models.find(version)).isInstanceOf(ModelDigests.CorruptModelException.class)
                .hasMessage(refused);
        assertThatThrownBy(() -> models.activate(version, Instant.now(), "activate")).hasMessage(refused);
        assertThat(models.activeVersion()).isEmpty();
        ModelSummary summary = listed(models, version);
        assertThat(summary.status()).isEqualTo(ModelStatus.FAILED);
        assertThat(summary.statusReason()).isEqualTo(refused);
        assertThat(models.summary(version).orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
    }

    @Test
    void aRowWrittenIntoTheDatabaseWithoutADigestIsRefused() throws Exception {
        ModelRepository models = open(null);
        int version = models.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        sql("INSERT INTO model_version (version, algorithm, segment_count, created_at, data_source, data_rows, "
                + "data_sha256, artifact, status, triggered_by) SELECT 99, algorithm, segment_count, created_at, "
                + "data_source, data_rows, data_sha256, artifact, 'READY', 'intruder' FROM model_version WHERE version = ?",
                version);

        assertThatThrownBy(() -> models.find(99))
                .hasMessage("model version 99 has no digest: it was not stored by Segments; refused");
        assertThat(listed(models, 99).status()).isEqualTo(ModelStatus.FAILED);
        assertThat(listed(models, version).status()).isEqualTo(ModelStatus.READY);
    }

    @Test
    void withASigningKeyARecomputedDigestOrAMissingSignatureIsRefused() throws Exception {
        ModelRepository unsigned = open(null);
        int old = unsigned.add(ModelFixtures.twoSegments("old.csv"), Instant.now(), "test").version();

        ModelRepository models = open(KEY);
        int signed = models.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        assertThat(column("artifact_hmac", signed)).matches("[0-9a-f]{64}");
        assertThat(models.find(signed)).isPresent();
        models.activate(signed, Instant.now(), "activate");

        assertThatThrownBy(() -> models.find(old)).hasMessage("model version " + old + " is not signed, and a "
                + "signing key is configured (segments.model.signing-key); refused");

        // Someone with write access to the database changes the document and recomputes its digest: the signature
        // (whose key is not in the database) gives it away.
        String changed = column("artifact", signed) + " ";
        sql("UPDATE model_version SET artifact = ?, artifact_sha256 = ? WHERE version = ?", changed,
                ModelDigests.sha256(changed), signed);
        assertThatThrownBy(() -> models.find(signed)).hasMessageStartingWith("model version " + signed
                + " has a signature that does not match the signing key");

        // A signature copied with its document to another version does not fit there either.
        sql("UPDATE model_version SET artifact = (SELECT artifact FROM model_version WHERE version = ?), "
                + "artifact_sha256 = (SELECT artifact_sha256 FROM model_version WHERE version = ?), "
                + "artifact_hmac = (SELECT artifact_hmac FROM model_version WHERE version = ?) WHERE version = ?",
                signed, signed, signed, old);
        sql("UPDATE model_version SET artifact = ?, artifact_sha256 = ?, artifact_hmac = ? WHERE version = ?",
                changed.strip(), ModelDigests.sha256(changed.strip()), new ModelDigests(KEY).hmac(signed,
                        ModelDigests.sha256(changed.strip())), signed);
        assertThat(models.find(signed)).as("the original document and signature, put back").isPresent();
        sql("UPDATE model_version SET artifact_hmac = ? WHERE version = ?",
                column("artifact_hmac", signed), old);
        sql("UPDATE model_version SET artifact = ?, artifact_sha256 = ? WHERE version = ?",
                column("artifact", signed), column("artifact_sha256", signed), old);
        assertThatThrownBy(() -> models.find(old)).hasMessageStartingWith("model version " + old
                + " has a signature that does not match");
    }

    @Test
    void aShortSigningKeyIsRefusedByName() {
        assertThatThrownBy(() -> open("short")).satisfies(e -> {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage());
            }
            assertThat(all.toString()).contains("segments.model.signing-key (SEGMENTS_MODEL_SIGNING_KEY) must be at "
                    + "least 32 bytes, got 5");
        });
    }

    /** A store from before V7: its models get their digest when it is migrated, and load as before. */
    @Test
    void modelsStoredBeforeDigestsGetThemOnMigration() throws Exception {
        database = TestDatabases.h2(directory);
        String document = ModelArtifactJson.write(ModelFixtures.twoSegments("old.csv"));
        Map<String, Object> p = database.properties();
        Flyway.configure().dataSource((String) p.get("datasources.default.url"),
                        (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"))
                .locations("classpath:db/migration").target("6").load().migrate();
        sql("INSERT INTO model_version (version, algorithm, segment_count, created_at, data_source, data_rows, "
                + "data_sha256, artifact, status, triggered_by) VALUES (1, 'kmeans', 2, CURRENT_TIMESTAMP, 'old.csv', "
                + "10, '', ?, 'READY', 'cli')", document);

        ModelRepository models = open(null);

        assertThat(column("artifact_sha256", 1)).isEqualTo(ModelDigests.sha256(document));
        assertThat(models.find(1)).isPresent();
        assertThat(listed(models, 1).status()).isEqualTo(ModelStatus.READY);
    }
}
