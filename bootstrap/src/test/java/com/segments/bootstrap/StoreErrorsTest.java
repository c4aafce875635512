package com.segments.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that cannot be opened is named in one line by the CLI, never with a stack trace. */
class StoreErrorsTest {

    @TempDir
    Path home;

    @Test
    void aSecretOthersCanReadStopsTheCommandInOneLine() throws Exception {
        assertThat(run("models").exitCode()).isZero();
        Path secret = home.resolve("db.secret");
        assertThat(secret).exists();
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result refused = run("models");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains(secret + " is readable by others (mode rw-r--r--)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Cli.Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Segments.execute(args, Map.of("segments.home", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
