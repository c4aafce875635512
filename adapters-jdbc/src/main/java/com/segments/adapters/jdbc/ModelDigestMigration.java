package com.segments.adapters.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * V7: every model document gets its SHA-256 digest ({@code artifact_sha256}) and a place for its signature
 * ({@code artifact_hmac}). Documents already stored get their digest here, once, when the owner upgrades, and not
 * on first read: a digest given on first read would also bless a row written into the database afterwards, which
 * is the attack the digest exists to stop. Java rather than SQL because the two databases spell SHA-256
 * differently. Signatures are not added here (the migration has no key): see docs/security.md.
 */
final class ModelDigestMigration extends BaseJavaMigration {

    static final int VERSION = 7;

    @Override
    protected void init() {
        // the version is not taken from a class name
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(VERSION));
    }

    @Override
    public String getDescription() {
        return "model digest";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE model_version ADD COLUMN artifact_sha256 VARCHAR(64)");
            statement.execute("ALTER TABLE model_version ADD COLUMN artifact_hmac VARCHAR(64)");
        }
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT version, artifact FROM model_version WHERE artifact IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE model_version SET artifact_sha256 = ? WHERE version = ?")) {
            while (rows.next()) {
                update.setString(1, ModelDigests.sha256(rows.getString(2)));
                update.setInt(2, rows.getInt(1));
                update.executeUpdate();
            }
        }
    }
}
