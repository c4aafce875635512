package com.segments.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    /**
     * {@code --version} through the launcher prints what picocli prints for it, in a JVM that never loaded the
     * command line parser or Micronaut (seen in the JVM's own class-loading log).
     */
    @Test
    void versionIsAnsweredBeforeTheParserOrTheApplicationIsLoaded() throws IOException, InterruptedException {
        ByteArrayOutputStream picocli = new ByteArrayOutputStream();
        int exit = Segments.execute(new String[] {"--version"}, Map.of(),
                new PrintStream(picocli, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit);

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--version"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());

        List<String> printed = output.lines().filter(line -> !line.startsWith("[")).toList();
        assertEquals(picocli.toString(StandardCharsets.UTF_8).lines().toList(), printed);
        List<String> loaded = output.lines().filter(line -> line.startsWith("[")).toList();
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" " + Launcher.class.getName() + " ")),
                "the class-loading log names no class of ours: " + loaded.size() + " lines");
        assertFalse(loaded.stream().anyMatch(line -> line.contains(" picocli.CommandLine ")),
                "picocli's CommandLine was loaded");
        assertFalse(loaded.stream().anyMatch(line -> line.contains(" io.micronaut.")), "Micronaut was loaded");
        assertFalse(loaded.stream().anyMatch(line -> line.contains(" " + Segments.class.getName() + " ")),
                "Segments was loaded");
    }

    /**
     * Only {@code serve} makes the meter registry ({@code GET /prometheus} is the server's; RestApiContract checks
     * that it counts): a context for any other command starts with metrics switched off, unless told otherwise.
     */
    @Test
    void aCommandThatDoesNotServeStartsNoMetrics(@TempDir Path home) {
        Segments.LazyContext oneShot = new Segments.LazyContext(new java.util.HashMap<>(Map.of("segments.home",
                home.resolve("one").toString())));
        Segments.LazyContext serving = new Segments.LazyContext(new java.util.HashMap<>(Map.of("segments.home",
                home.resolve("two").toString())));
        Segments.LazyContext toldOtherwise = new Segments.LazyContext(new java.util.HashMap<>(Map.of("segments.home",
                home.resolve("three").toString(), "micronaut.metrics.enabled", true)));
        oneShot.withoutMetrics();
        toldOtherwise.withoutMetrics();
        try {
            assertFalse(oneShot.get().containsBean(io.micrometer.core.instrument.MeterRegistry.class));
            assertTrue(serving.get().containsBean(io.micrometer.core.instrument.MeterRegistry.class));
            assertTrue(toldOtherwise.get().containsBean(io.micrometer.core.instrument.MeterRegistry.class));
        } finally {
            oneShot.close();
            serving.close();
            toldOtherwise.close();
        }
    }
}
