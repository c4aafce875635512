package com.segments.bootstrap;

import com.segments.adapters.cli.SegmentsCli;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code segments} program: builds the application context (configuration, the wiring of use cases to adapters
 * and plugins) and hands the command line to the CLI door. {@code segments serve} leaves the context running, with
 * the HTTP door started in it.
 */
public final class Segments {

    private Segments() {
    }

    public static void main(String[] args) {
        Run run = launch(args, Map.of(), System.out, System.err);
        if (run.exitCode() != SegmentsCli.KEEP_RUNNING) {
            System.exit(run.exitCode());
        }
    }

    /**
     * Runs one command line to completion. {@code properties} override configuration (tests point the datasource
     * elsewhere).
     *
     * @return the exit code
     */
    public static int execute(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        try (Run run = launch(args, properties, out, err)) {
            return run.exitCode();
        }
    }

    /**
     * A finished command, or a server still running ({@link SegmentsCli#KEEP_RUNNING}) whose context closing the
     * run stops.
     */
    public record Run(int exitCode, ApplicationContext context) implements AutoCloseable {
        @Override
        public void close() {
            if (context.isRunning()) {
                context.close();
            }
        }
    }

    public static Run launch(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        // The embedded H2 database lets a second process (train while serve runs) in through a TCP server of
        // its own; keep that server on loopback, never on a network interface.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Map<String, Object> settings = new HashMap<>(properties);
        settings.putIfAbsent("segments.home", segmentsHome());
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("cli")
                .properties(settings)
                .start();
        try {
            CommandLine commandLine = new CommandLine(SegmentsCli.class, new MicronautFactory(context));
            commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            commandLine.setExecutionExceptionHandler(SegmentsCli::handleFailure);
            int exit = commandLine.execute(args);
            if (exit != SegmentsCli.KEEP_RUNNING) {
                context.close();
            }
            return new Run(exit, context);
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    private static String segmentsHome() {
        String home = System.getenv("SEGMENTS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().toString();
        }
        return Path.of(System.getProperty("user.home"), ".segments").toString();
    }
}
