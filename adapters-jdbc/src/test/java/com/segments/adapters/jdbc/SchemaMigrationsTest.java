package com.segments.adapters.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationsTest {

    /** A new migration (file or Java) without a new LATEST would leave stores on the old schema: the two must agree. */
    @Test
    void latestIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path directory = Path.of(SchemaMigrations.class.getResource("/db/migration").toURI());
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(directory)) {
            newest = files.map(f -> version.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(SchemaMigrations.LATEST).isEqualTo(Math.max(newest, ModelDigestMigration.VERSION));
    }

    /** Pointing Segments at a database that already holds the bank's own tables must create ours beside them. */
    @Test
    void aDatabaseWithOtherTablesGetsEveryMigration() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:foreign-tables;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE customers (id VARCHAR(20), balance DOUBLE PRECISION)");
            assertThat(SchemaMigrations.current(dataSource)).isFalse();

            SchemaMigrations.migrate(dataSource);

            assertThat(SchemaMigrations.current(dataSource)).isTrue();
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "model_version", null)) {
                assertThat(tables.next()).as("model_version created beside the customers table").isTrue();
            }
        }
    }
}
