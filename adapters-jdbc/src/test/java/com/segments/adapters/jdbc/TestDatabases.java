package com.segments.adapters.jdbc;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two databases every storage test runs against: an embedded H2 file database, and the PostgreSQL server at
 * 127.0.0.1:5432 (override with SEGMENTS_TEST_PG_URL, _USER, _PASSWORD). Each PostgreSQL test gets a schema of
 * its own, dropped when it closes.
 *
 * <p>Under CI ({@code CI=true}) an unreachable PostgreSQL fails the test; elsewhere it is skipped with a message
 * saying so, so the test command still passes on a machine without the server.
 */
public final class TestDatabases {

    private static final String PG_URL = env("SEGMENTS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("SEGMENTS_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("SEGMENTS_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /** A database for one test: its Micronaut properties, and how to clean it up. */
    public interface Database extends AutoCloseable {
        Map<String, Object> properties();

        String describe();

        @Override
        void close();
    }

    /**
     * An H2 file database in {@code directory}. It has a password of its own: with an empty one the store would
     * make itself a secret file and change its password ({@link EmbeddedStore}), and tests that open the database
     * directly with these properties could not.
     */
    public static Database h2(Path directory) {
        String url = h2Url(directory);
        Map<String, Object> properties = common(url, "sa", "test-" + UUID.randomUUID());
        return new Database() {
            public Map<String, Object> properties() {
                return properties;
            }

            public String describe() {
                return "H2 " + directory;
            }

            public void close() {
            }
        };
    }

    /** The URL of the H2 file database in {@code directory}, with the settings of the embedded default. */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("segments").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public static Database postgres() {
        requireReachable();
        String schema = "segments_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Map<String, Object> properties = common(url, PG_USER, PG_PASSWORD);
        return new Database() {
            public Map<String, Object> properties() {
                return properties;
            }

            public String describe() {
                return "PostgreSQL " + PG_URL + " schema " + schema;
            }

            public void close() {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        };
    }

    private static Map<String, Object> common(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.dialect", "POSTGRES");
        properties.put("datasources.default.maximum-pool-size", 4);
        return properties;
    }

    private static void requireReachable() {
        try (Connection ignored = connect()) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: the PostgreSQL run is required)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

}
