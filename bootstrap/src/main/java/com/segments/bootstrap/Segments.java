package com.segments.bootstrap;

import com.segments.adapters.cli.SegmentsCli;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code segments} program. A command line is parsed first; the command that runs gets its use cases from a
 * plain {@link Wiring}, and the application context (configuration, the database, the HTTP server) is started
 * only when that command first touches storage or serves. {@code --help}, {@code --version}, {@code generate},
 * {@code profiles} of a file, {@code compare} and {@code algorithms} never start it; {@code segments serve} leaves
 * it running, with the HTTP door started in it.
 */
public final class Segments {

    /** The command that starts the HTTP door, the only one that exposes metrics. */
    private static final String SERVE = "serve";

    private Segments() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(AotTraining.FLAG)) {
            System.exit(AotTraining.run());
        }
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
     *
     * @param context the application context, or null when the command never needed one
     */
    public record Run(int exitCode, ApplicationContext context) implements AutoCloseable {
        @Override
        public void close() {
            if (context != null && context.isRunning()) {
                context.close();
            }
        }
    }

    public static Run launch(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        LazyContext context = new LazyContext(settings(properties));
        Wiring wiring = new Wiring(Ports.lazy(context::get));
        CommandLine commandLine = SegmentsCli.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler(SegmentsCli::handleFailure);
        commandLine.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            List<CommandLine> chain = parsed.asCommandLineList();
            if (chain.size() < 2 || !chain.get(1).getCommandName().equals(SERVE)) {
                context.withoutMetrics();
            }
            inject(chain.getLast().getCommand(), wiring, context);
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            int exit = commandLine.execute(args);
            if (exit != SegmentsCli.KEEP_RUNNING) {
                context.close();
            }
            return new Run(exit, context.started());
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    /**
     * Gives a command its {@code @Inject} fields: a use case from the wiring, anything else (the HTTP starter) from
     * the application context.
     */
    private static void inject(Object command, Wiring wiring, LazyContext context) {
        for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                Object value = wiring.provide(field.getType());
                if (value == null) {
                    value = context.get().getBean(field.getType());
                }
                try {
                    field.setAccessible(true);
                    field.set(command, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot give " + type.getSimpleName() + " its " + field.getName(), e);
                }
            }
        }
    }

    private static Map<String, Object> settings(Map<String, Object> properties) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.putIfAbsent("segments.home", segmentsHome());
        return settings;
    }

    /** The application context, started once, by the first command that needs it. */
    static final class LazyContext {
        private final Map<String, Object> settings;
        private ApplicationContext context;

        LazyContext(Map<String, Object> settings) {
            this.settings = settings;
        }

        synchronized ApplicationContext get() {
            if (context == null) {
                // The embedded H2 database lets a second process (train while serve runs) in through a TCP server
                // of its own; keep that server on loopback, never on a network interface.
                if (System.getProperty("h2.bindAddress") == null) {
                    System.setProperty("h2.bindAddress", "127.0.0.1");
                }
                context = ApplicationContext.builder()
                        .deduceEnvironment(false)
                        .environments("cli")
                        .properties(settings)
                        .start();
            }
            return context;
        }

        /**
         * Metrics are read at the server's {@code GET /prometheus}; a command that does not serve makes no meter
         * registry (Micrometer's, and the connection pool's meters in it: about 0.15 s of a small train's CPU).
         * A setting given outright (a test's) stays.
         */
        synchronized void withoutMetrics() {
            settings.putIfAbsent("micronaut.metrics.enabled", false);
        }

        synchronized ApplicationContext started() {
            return context;
        }

        synchronized void close() {
            if (context != null && context.isRunning()) {
                context.close();
            }
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
