package com.segments.bootstrap;

import com.segments.adapters.cli.SegmentsCli;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.value.PropertyResolver;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code segments} program. A command line is parsed first; the command that runs gets its use cases from a
 * plain {@link Wiring}, and the application context (configuration, the database, the HTTP server) is started
 * only when that command first touches storage or serves. {@code --help}, {@code --version}, {@code generate},
 * {@code profiles} of a file, {@code compare} and {@code algorithms} never start it; {@code segments serve} leaves
 * it running, with the HTTP door started in it.
 */
public final class Segments {

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
        if (opensStoreAhead(args)) {
            context.openAhead();
        }
        Wiring wiring = new Wiring(Ports.lazy(context::get, context::configuration));
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

    /**
     * Commands that always use the store and first read a file of their own (a customer table, a log): their store
     * is opened on a thread of its own while the command line is parsed and the file is read, so those overlap with
     * it instead of adding to it (on a 5,000-row train the store's opening is about half of the process).
     */
    private static final Set<String> READ_THEN_STORE = Set.of("train", "score");

    /** Whether the command line is one whose store is worth opening ahead (not when it only asks for help). */
    static boolean opensStoreAhead(String[] args) {
        if (args.length == 0 || !READ_THEN_STORE.contains(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The application context, started once: by the first command that needs it, on that command's thread, or ahead
     * of time on a thread of its own ({@link #openAhead()}). Its configuration is ready before its beans are: the
     * wiring reads settings (the promotion gate, the naming rules) while the database is still being opened.
     */
    static final class LazyContext {
        private final Map<String, Object> settings;
        private Opening opening;

        LazyContext(Map<String, Object> settings) {
            this.settings = settings;
        }

        /** One attempt to open: the context with its configuration read, then the same context started. */
        private record Opening(CompletableFuture<ApplicationContext> configured,
                               CompletableFuture<ApplicationContext> running) {
            Opening() {
                this(new CompletableFuture<>(), new CompletableFuture<>());
            }
        }

        /** Starts opening the context on a daemon thread, unless it is already open or opening. */
        void openAhead() {
            Opening claimed = claim();
            if (claimed != null) {
                Thread.ofPlatform().daemon().name("store-opener").start(() -> open(claimed));
            }
        }

        /** The running context; opens it here when nothing has yet, or waits for the opening under way. */
        ApplicationContext get() {
            return await(openingHere().running());
        }

        /** The configuration (settings, application.yml, the environment), without waiting for the database. */
        PropertyResolver configuration() {
            return await(openingHere().configured()).getEnvironment();
        }

        private Opening openingHere() {
            Opening claimed = claim();
            if (claimed != null) {
                open(claimed);
                return claimed;
            }
            synchronized (this) {
                return opening;
            }
        }

        /** A new opening for the caller to run, or null when one exists. */
        private synchronized Opening claim() {
            if (opening != null) {
                return null;
            }
            opening = new Opening();
            return opening;
        }

        private void open(Opening attempt) {
            try {
                // The embedded H2 database lets a second process (train while serve runs) in through a TCP server
                // of its own; keep that server on loopback, never on a network interface.
                if (System.getProperty("h2.bindAddress") == null) {
                    System.setProperty("h2.bindAddress", "127.0.0.1");
                }
                ApplicationContext context = ApplicationContext.builder()
                        .deduceEnvironment(false)
                        .environments("cli")
                        .properties(settings)
                        .build();
                context.getEnvironment().start();
                attempt.configured().complete(context);
                attempt.running().complete(context.start());
            } catch (RuntimeException | Error e) {
                attempt.configured().completeExceptionally(e);
                attempt.running().completeExceptionally(e);
            }
        }

        /**
         * The opening's context, or its failure as thrown by the opening; a failed opening is forgotten, so that the
         * next call tries again (as the audit does after a failure of the store) and meets a failure of its own.
         */
        private ApplicationContext await(CompletableFuture<ApplicationContext> step) {
            try {
                return step.join();
            } catch (CompletionException e) {
                synchronized (this) {
                    opening = null;
                }
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error failure) {
                    throw failure;
                }
                throw e;
            }
        }

        /** The context if it was started (waiting for an opening under way), else null. */
        ApplicationContext started() {
            Opening current;
            synchronized (this) {
                current = opening;
            }
            if (current == null) {
                return null;
            }
            try {
                return current.running().join();
            } catch (CompletionException e) {
                return null;
            }
        }

        /** Closes the context, after the opening under way (a database half opened is not left to the exit). */
        void close() {
            ApplicationContext context = started();
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
