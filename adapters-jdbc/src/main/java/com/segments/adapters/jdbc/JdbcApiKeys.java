package com.segments.adapters.jdbc;

import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyNameTaken;
import com.segments.domain.access.Role;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** API keys on plain JDBC (table {@code api_key}, migration V10). */
@Singleton
class JdbcApiKeys implements ApiKeyRepository {

    private final DataSource dataSource;

    JdbcApiKeys(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public void add(ApiKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM api_key WHERE name = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO api_key (name, role, key_hash, hint, "
                     + "created_at, created_by, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
            exists.setString(1, key.name());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    throw new KeyNameTaken(key.name());
                }
            }
            insert.setString(1, key.name());
            insert.setString(2, key.role().label());
            insert.setString(3, key.hash());
            insert.setString(4, key.hint());
            insert.setObject(5, timestamp(key.createdAt()));
            insert.setString(6, key.createdBy());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new KeyNameTaken(key.name()); // another process took the name between the check and the insert
            }
            throw new IllegalStateException("storing the API key '" + key.name() + "' failed", e);
        }
    }

    @Override
    public List<ApiKey> all() {
        List<ApiKey> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name, role, key_hash, hint, created_at, "
                     + "created_by, revoked_at FROM api_key ORDER BY created_at, name");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime revoked = rs.getObject(7, OffsetDateTime.class);
                keys.add(new ApiKey(rs.getString(1), Role.parse("role", rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                        revoked == null ? null : revoked.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the API keys failed", e);
        }
        return keys;
    }

    @Override
    public boolean revoke(String name, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE api_key SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
            update.setObject(1, timestamp(at));
            update.setString(2, name);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("revoking the API key failed", e);
        }
    }

    /** An instant as both databases take a TIMESTAMP WITH TIME ZONE, to the microsecond they keep. */
    static OffsetDateTime timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
