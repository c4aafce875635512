package com.segments.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationsTest {

    /** A new migration file without a new LATEST would leave stores on the old schema: the two must agree. */
    @Test
    void latestIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path directory = Path.of(SchemaMigrations.class.getResource("/db/migration").toURI());
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(directory)) {
            newest = files.map(f -> version.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(SchemaMigrations.LATEST).isEqualTo(newest);
    }
}
