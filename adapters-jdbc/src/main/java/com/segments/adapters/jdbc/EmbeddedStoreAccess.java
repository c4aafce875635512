package com.segments.adapters.jdbc;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens an embedded H2 file store the private way, before its connection pool exists: an H2 file database
 * configured with an empty password gets the store's secret instead ({@link EmbeddedStore}); and the first
 * connection waits, with a backoff up to {@code segments.store.open-timeout} (default 60 s), while other processes
 * are opening the store, so that several commands started at once all get in. That first connection stays open
 * until the pool holds its own ({@link #poolCreated}), so H2 does not close and reopen the database in between.
 * Commits are written before they return ({@code WRITE_DELAY=0}), so a killed process loses no committed row.
 * A PostgreSQL data source, or one with a password of its own, is left as configured.
 */
@Singleton
final class EmbeddedStoreAccess implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration openTimeout;
    private Connection first;
    private Path database;

    EmbeddedStoreAccess(@Value("${segments.store.open-timeout:60s}") Duration openTimeout) {
        this.openTimeout = openTimeout;
    }

    @Override
    public synchronized DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        Optional<Path> file = EmbeddedStore.databaseFile(url);
        if (file.isEmpty()) {
            return configuration;
        }
        url = EmbeddedStore.durable(url);
        configuration.setUrl(url);
        String user = configuration.getUsername();
        String password = configuration.getPassword();
        if (password == null || password.isEmpty()) {
            password = EmbeddedStore.password(file.get(), url, user);
            configuration.setPassword(password);
        }
        try {
            first = EmbeddedStore.connect(url, user, password, openTimeout);
        } catch (EmbeddedStore.StoreBusyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store " + file.get() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        // Any new connection can meet the same moment (the lock file changing hands after an owner died), the
        // pool's first ones included, and Hikari's start-up check gives up on some of those answers at once. So the
        // pool starts without connecting (the first connection above already checked the credentials) and makes its
        // connections when asked, retrying with its own backoff within its connection timeout.
        configuration.setInitializationFailTimeout(-1);
        database = file.get();
        EmbeddedStore.restrictFiles(database);
        return configuration;
    }

    /** The pool has its connections: the first one can go, and files H2 made meanwhile become owner-only. */
    synchronized void poolCreated() {
        if (first != null) {
            try {
                first.close();
            } catch (SQLException e) {
                // the pool holds the store open; a failed close of the spare connection changes nothing
            }
            first = null;
        }
        if (database != null) {
            EmbeddedStore.restrictFiles(database);
        }
    }
}
