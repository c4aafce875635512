package com.segments.adapters.cli;

import com.segments.domain.SegmentsException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.configuration.picocli.MicronautFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code segments} command. Each subcommand is a thin door onto one application use case. Errors a user can
 * cause print one line naming what is wrong and exit with 1; a wrong command line prints usage and exits with 2.
 */
@Command(name = "segments", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Customer segmentation: train, score and serve segment models.",
        subcommands = {GenerateCommand.class, ProfilesCommand.class, IngestCommand.class, TrainCommand.class,
                ScoreCommand.class, DescribeCommand.class, RenameCommand.class, GroupsCommand.class, ModelsCommand.class,
                AlgorithmsCommand.class, CompareCommand.class, JobsCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public class SegmentsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        Run run = launch(args, Map.of(), System.out, System.err);
        if (run.exitCode() != ServeCommand.KEEP_RUNNING) {
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
     * A finished command, or a server still running ({@link ServeCommand#KEEP_RUNNING}) whose context closing the
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
            if (exit != ServeCommand.KEEP_RUNNING) {
                context.close();
            }
            return new Run(exit, context);
        } catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause = e;
        while (cause instanceof BeanInstantiationException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        PrintWriter err = commandLine.getErr();
        if (cause instanceof SegmentsException || cause instanceof IllegalArgumentException) {
            err.println("error: " + cause.getMessage());
            return 1;
        }
        err.println("error: " + describe(cause) + " (set SEGMENTS_DEBUG=1 for details)");
        if (System.getenv("SEGMENTS_DEBUG") != null) {
            cause.printStackTrace(err);
        }
        return 3;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String segmentsHome() {
        String home = System.getenv("SEGMENTS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().toString();
        }
        return Path.of(System.getProperty("user.home"), ".segments").toString();
    }
}
