package com.segments.adapters.jdbc;

import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.audit.AuditOutcome;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The audit trail on plain JDBC (table {@code audit_event}, migration V10): rows are only ever inserted. */
@Singleton
class JdbcAuditLog implements AuditLog {

    private final DataSource dataSource;

    JdbcAuditLog(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public void append(AuditEntry e) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (at, actor, action, target, "
                     + "outcome, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, JdbcApiKeys.timestamp(e.at()));
            insert.setString(2, e.actor());
            insert.setString(3, e.action());
            insert.setString(4, e.target());
            insert.setString(5, e.outcome().name());
            insert.setString(6, e.detail());
            insert.setString(7, e.source());
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("writing the audit entry failed", ex);
        }
    }

    @Override
    public List<AuditEntry> since(Instant from, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT at, actor, action, target, outcome, detail, "
                     + "source FROM audit_event WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?")) {
            select.setObject(1, JdbcApiKeys.timestamp(from));
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4), AuditOutcome.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7)));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("reading the audit trail failed", ex);
        }
        Collections.reverse(entries);
        return entries;
    }
}
