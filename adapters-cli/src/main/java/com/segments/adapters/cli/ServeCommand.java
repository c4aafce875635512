package com.segments.adapters.cli;

import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP API (POST /api/v1/predict, GET /health) and keep running until stopped."})
class ServeCommand implements Callable<Integer> {

    @Inject
    ServerStarter server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Override
    public Integer call() {
        ServerStarter.Started started = server.start(host, port);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Segments is serving on %s (database %s, %s)%n", started.url(), started.databaseUp() ? "up" : "DOWN",
                started.activeVersion().isPresent() ? "model version " + started.activeVersion().getAsInt() + " active"
                        : "no model yet: train one with 'segments train --data FILE.csv'");
        if (started.interruptedJobs() > 0) {
            out.printf("%d training job(s) left unfinished by an earlier run are now FAILED (interrupted)%n",
                    started.interruptedJobs());
        }
        out.flush();
        return SegmentsCli.KEEP_RUNNING;
    }
}
