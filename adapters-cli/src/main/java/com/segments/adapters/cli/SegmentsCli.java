package com.segments.adapters.cli;

import com.segments.domain.SegmentsException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code segments} command. Each subcommand is a thin door onto one application use case. Errors a user can
 * cause print one line naming what is wrong and exit with 1; a wrong command line prints usage and exits with 2.
 */
@Command(name = "segments", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Customer segmentation: train, score and serve segment models.")
public class SegmentsCli implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Picocli builds a command's model by reflection over
     * its class (options, fields, their types), which costs a start-up its time; so a command line gets only the
     * subcommand it names, and every one only when it names none (usage, help, a typo).
     */
    static final Map<String, Class<?>> COMMANDS = commands(GenerateCommand.class, ProfilesCommand.class,
            IngestCommand.class, TrainCommand.class, ScoreCommand.class, ExportSqlCommand.class, DescribeCommand.class, RenameCommand.class,
            GroupsCommand.class, DriftCommand.class, ModelsCommand.class, AlgorithmsCommand.class, CompareCommand.class,
            JobsCommand.class, MovesCommand.class, CheckProfilesCommand.class, KeysCommand.class, AuditCommand.class,
            ServeCommand.class);

    /** The command line for these arguments, with the subcommand they name (all of them when they name none). */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(SegmentsCli.class);
        String first = args.length == 0 ? "" : args[0];
        if (first.equals("-V") || first.equals("--version")) {
            return commandLine;
        }
        Class<?> named = COMMANDS.get(first);
        if (named != null) {
            return commandLine.addSubcommand(first, named);
        }
        COMMANDS.forEach(commandLine::addSubcommand);
        return commandLine.addSubcommand("help", CommandLine.HelpCommand.class);
    }

    private static Map<String, Class<?>> commands(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return Collections.unmodifiableMap(byName);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** Exit code that tells the launcher to leave the JVM running: the server's threads keep it alive. */
    public static final int KEEP_RUNNING = -1;

    /**
     * How a failure inside a command ends: one line and exit code 1 for what a user can fix, exit code 3 and a hint
     * for anything else (the trace only with SEGMENTS_DEBUG set).
     */
    public static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return failure(e, commandLine);
    }

    private static int failure(Exception e, CommandLine commandLine) {
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
}
