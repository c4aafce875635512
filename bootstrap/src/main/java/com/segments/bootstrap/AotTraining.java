package com.segments.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the {@code segments} launcher records the JVM's ahead-of-time cache from (JDK 25,
 * {@code -XX:AOTCacheOutput}) right after it builds the jar: the commands a user runs, in one process, on small
 * generated data in a throw-away embedded store (whatever datasource the environment names), so the classes they
 * load are loaded and linked from the cache and the methods they run come with profiles at every later start.
 */
final class AotTraining {

    static final String FLAG = "--aot-training-run";

    private AotTraining() {
    }

    static int run() {
        Path work;
        try {
            work = Files.createTempDirectory("segments-aot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        // The store is named outright, not only its home: a user who points the datasource at their own database
        // (DATASOURCES_DEFAULT_URL, as docs/models.md shows) must not find the two training runs' versions there.
        String store = work.resolve("home").resolve("segments").toString();
        Map<String, Object> home = Map.of("segments.home", work.resolve("home").toString(),
                "datasources.default.url", "jdbc:h2:file:" + store + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "datasources.default.username", "sa", "datasources.default.password", "");
        String customers = work.resolve("customers.csv").toString();
        String log = work.resolve("log.csv").toString();
        List<List<String>> commands = List.of(
                List.of("--help"), List.of("--version"), List.of("algorithms"),
                List.of("generate", "--customers", "3000", "--out", customers),
                List.of("train", "--data", customers, "--k", "4"),
                List.of("score", "--data", customers, "--out", work.resolve("scores.csv").toString()),
                List.of("describe"), List.of("models"),
                List.of("generate", "--transactions", "20000", "--out", log),
                List.of("profiles", "--transactions", log, "--out", work.resolve("profiles.csv").toString()),
                List.of("train", "--transactions", log, "--k", "5"),
                List.of("groups", "--transactions", log, "--by", "bank"));
        int failed = 0;
        try {
            for (List<String> command : commands) {
                failed += Segments.execute(command.toArray(String[]::new), home, quiet, quiet) == 0 ? 0 : 1;
            }
        } finally {
            delete(work);
        }
        return failed == 0 ? 0 : 1;
    }

    private static void delete(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
