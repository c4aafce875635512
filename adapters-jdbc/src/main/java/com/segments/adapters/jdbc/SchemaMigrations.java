package com.segments.adapters.jdbc;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings the schema up to date when the data source is made, and does nothing more when it already is: one
 * query answers whether the latest migration is applied, so a command on a current store never pays for Flyway's
 * classpath scan and checksum validation. A store that is behind (or new) is migrated by Flyway as usual.
 */
@Singleton
final class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    private final DataSourceResolver resolver;
    private final EmbeddedStoreAccess embedded;

    SchemaMigrations(DataSourceResolver resolver, EmbeddedStoreAccess embedded) {
        this.resolver = resolver;
        this.embedded = embedded;
    }

    /** The newest migration: a file in {@code db/migration} or {@link ModelDigestMigration}; a test keeps them in step. */
    static final int LATEST = 8;

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource created = event.getBean();
        DataSource plain = resolver.resolve(created); // the pool itself, not Micronaut's contextual wrapper
        if (!current(plain)) {
            migrate(plain);
        }
        embedded.poolCreated();
        return created;
    }

    static void migrate(DataSource dataSource) {
        // A database that already holds the owner's own tables (the customer tables `--table` reads) has no
        // history table yet: baseline it at version 0, so that every migration of ours still runs.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new ModelDigestMigration())
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    /** Whether the history table says the latest migration succeeded. */
    static boolean current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE "
                     + "AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version != null && version.matches("\\d+")) {
                    return Integer.parseInt(version) >= LATEST;
                }
            }
            return false;
        } catch (SQLException e) {
            return false; // no history table yet: a new store, which Flyway creates
        }
    }
}
