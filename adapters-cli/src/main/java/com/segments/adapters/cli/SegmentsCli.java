package com.segments.adapters.cli;

import com.segments.domain.SegmentsException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

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
