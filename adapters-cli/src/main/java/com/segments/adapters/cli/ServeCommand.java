package com.segments.adapters.cli;

import com.segments.application.CheckHealth;
import com.segments.application.RetrainModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP API (POST /api/v1/predict, GET /health) and keep running until stopped."})
class ServeCommand implements Callable<Integer> {

    /** Exit code that tells main to leave the JVM running: the server's threads keep it alive. */
    static final int KEEP_RUNNING = -1;

    @Inject
    ApplicationContext context;

    @Inject
    CheckHealth checkHealth;

    @Inject
    ActiveModelRefresher refresher;

    @Inject
    RetrainModel retrainModel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Override
    public Integer call() {
        context.getEnvironment().addPropertySource(PropertySource.of("segments-serve",
                Map.of("micronaut.server.port", port == 0 ? -1 : port, "micronaut.server.host", host)));
        int interrupted = retrainModel.recoverInterrupted();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        refresher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "segments-shutdown"));
        CheckHealth.Health health = checkHealth.check();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Segments is serving on %s (database %s, %s)%n", server.getURL(), health.databaseUp() ? "up" : "DOWN",
                health.activeModel().isPresent() ? "model version " + health.activeModel().getAsInt() + " active"
                        : "no model yet: train one with 'segments train --data FILE.csv'");
        if (interrupted > 0) {
            out.printf("%d training job(s) left unfinished by an earlier run are now FAILED (interrupted)%n", interrupted);
        }
        out.flush();
        return KEEP_RUNNING;
    }
}
