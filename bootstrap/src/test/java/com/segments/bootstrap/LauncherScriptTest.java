package com.segments.bootstrap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code segments} launcher script sizes the JVM to the command line: the Vector API module (and its own AOT
 * cache) for large inputs, a database table or the server; the quick compiler alone for short commands on small
 * files. Run on a copy of the script beside a stand-in jar and a stand-in {@code java} that writes down the
 * arguments it was started with, so no build and no JVM start is needed.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "segments");
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String QUICK = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path root;
    private Path small;
    private Path large;

    @BeforeEach
    void copyTheLauncherBesideAStandInJdk() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "SKIPPED: no /bin/bash to run the launcher script");
        Files.copy(SCRIPT, root.resolve("segments"));
        Files.createDirectories(root.resolve("bootstrap/target"));
        Files.writeString(root.resolve("bootstrap/target/segments.jar"), "stand-in");
        Path java = Files.createDirectories(root.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                for a in "$@"; do
                  case "$a" in
                    -XshowSettings:properties) echo "    java.specification.version = 25" >&2; exit 0 ;;
                    -XX:AOTCacheOutput=*) echo recorded > "${a#-XX:AOTCacheOutput=}"; exit 0 ;;
                  esac
                done
                printf '%s\\n' "$@" > "$(dirname "$0")/../arguments"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        small = Files.writeString(root.resolve("small.csv"), "id,x\n" + "c1,1.5\n".repeat(100));
        large = Files.writeString(root.resolve("large.csv"), "id,x\n" + "c1,1.5\n".repeat(1000));
    }

    @Test
    void aSmallTrainRunsOnTheQuickCompilerWithoutTheVectorModule() throws Exception {
        List<String> arguments = launch(Map.of(), "train", "--data", small.toString(), "--k", "4");

        assertThat(arguments).contains(QUICK, "-XX:AOTCache=" + root.resolve("bootstrap/target/segments.aot"))
                .doesNotContain(VECTOR).endsWith("train", "--data", small.toString(), "--k", "4");
    }

    @Test
    void anInputAboveTheThresholdGetsTheVectorModuleAndItsOwnCache() throws Exception {
        List<String> arguments = launch(Map.of("SEGMENTS_VECTOR_MIN_BYTES", "1000"),
                "train", "--data=" + large, "--k", "4");

        assertThat(arguments).contains(VECTOR, "-XX:AOTCache=" + root.resolve("bootstrap/target/segments-vector.aot"))
                .doesNotContain(QUICK);
        assertThat(root.resolve("bootstrap/target/segments-vector.aot")).exists();
        assertThat(root.resolve("bootstrap/target/segments.aot")).doesNotExist();
    }

    @Test
    void aFileTheCommandWritesIsNotCountedAsItsInput() throws Exception {
        List<String> arguments = launch(Map.of("SEGMENTS_VECTOR_MIN_BYTES", "1000", "SEGMENTS_QUICK_MAX_BYTES", "1000"),
                "score", "--data", small.toString(), "--out", large.toString());
        List<String> joined = launch(Map.of("SEGMENTS_VECTOR_MIN_BYTES", "1000", "SEGMENTS_QUICK_MAX_BYTES", "1000"),
                "score", "--data=" + small, "--out=" + large);

        assertThat(arguments).contains(QUICK).doesNotContain(VECTOR);
        assertThat(joined).contains(QUICK).doesNotContain(VECTOR);
    }

    @Test
    void theServerAndDatabaseTablesGetTheVectorModuleAndTheFullCompiler() throws Exception {
        assertThat(launch(Map.of(), "serve", "--port", "0")).contains(VECTOR).doesNotContain(QUICK);
        assertThat(launch(Map.of(), "train", "--table", "customers")).contains(VECTOR).doesNotContain(QUICK);
        assertThat(launch(Map.of(), "score", "--stored-transactions")).contains(VECTOR).doesNotContain(QUICK);
    }

    @Test
    void commandsThatMayRunLongKeepTheFullCompiler() throws Exception {
        assertThat(launch(Map.of(), "generate", "--customers", "100", "--out", "x.csv")).doesNotContain(QUICK, VECTOR);
        assertThat(launch(Map.of(), "compare", "--data", small.toString())).doesNotContain(QUICK, VECTOR);
        assertThat(launch(Map.of(), "ingest", "--follow", small.toString())).doesNotContain(QUICK, VECTOR);
        assertThat(launch(Map.of("SEGMENTS_QUICK_MAX_BYTES", "1000"), "train", "--data", large.toString()))
                .doesNotContain(QUICK, VECTOR);
        assertThat(launch(Map.of("SEGMENTS_QUICK_MAX_BYTES", "1000"), "groups", "--transactions", large.toString(),
                "--by", "bank", "--features", small.toString())).doesNotContain(QUICK, VECTOR);
        assertThat(launch(Map.of(), "models")).contains(QUICK).doesNotContain(VECTOR);
    }

    @Test
    void theSettingsOverrideWhatTheCommandLineSuggests() throws Exception {
        assertThat(launch(Map.of("SEGMENTS_VECTOR", "on", "SEGMENTS_JIT", "full"), "train", "--data", small.toString()))
                .contains(VECTOR).doesNotContain(QUICK);
        assertThat(launch(Map.of("SEGMENTS_VECTOR", "off", "SEGMENTS_JIT", "quick"), "serve"))
                .contains(QUICK).doesNotContain(VECTOR);
    }

    @Test
    void anUnknownSettingIsRefusedByName() throws Exception {
        Process process = start(Map.of("SEGMENTS_VECTOR", "sometimes"), "models");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(err).contains("SEGMENTS_VECTOR is 'sometimes'; use auto, on or off");
        assertThat(root.resolve("jdk/arguments")).doesNotExist();
    }

    @Test
    void aSizeSettingThatIsNotANumberIsRefusedByName() throws Exception {
        Process process = start(Map.of("SEGMENTS_VECTOR_MIN_BYTES", "32M"), "train", "--data", small.toString());
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(err).contains("SEGMENTS_VECTOR_MIN_BYTES is '32M'; use a number of bytes");
        assertThat(root.resolve("jdk/arguments")).doesNotExist();
    }

    private List<String> launch(Map<String, String> environment, String... args) throws Exception {
        Process process = start(environment, args);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return Files.readAllLines(root.resolve("jdk/arguments"));
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        Files.deleteIfExists(root.resolve("jdk/arguments"));
        List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("segments").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(
                ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEGMENTS_"));
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
