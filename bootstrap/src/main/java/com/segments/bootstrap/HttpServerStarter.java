package com.segments.bootstrap;

import com.segments.adapters.cli.ServerStarter;
import com.segments.application.CheckHealth;
import com.segments.application.RetrainModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Starts the HTTP door inside the running context: marks jobs an earlier process left unfinished, starts the
 * embedded server on the asked address, starts re-reading the active model, and closes the context on shutdown.
 */
@Singleton
final class HttpServerStarter implements ServerStarter {

    private final ApplicationContext context;
    private final CheckHealth checkHealth;
    private final ActiveModelRefresher refresher;
    private final RetrainModel retrainModel;
    private final RetrainTriggerScheduler triggers;
    private final CustomerRescorer rescorer;

    HttpServerStarter(ApplicationContext context, CheckHealth checkHealth, ActiveModelRefresher refresher,
                      RetrainModel retrainModel, RetrainTriggerScheduler triggers, CustomerRescorer rescorer) {
        this.context = context;
        this.checkHealth = checkHealth;
        this.refresher = refresher;
        this.retrainModel = retrainModel;
        this.triggers = triggers;
        this.rescorer = rescorer;
    }

    @Override
    public Started start(String host, int port) {
        // With TLS on (micronaut.server.ssl.enabled), the server listens for HTTPS only, on the SSL port: --port
        // names that one too, so one port serves HTTPS and nothing serves plain HTTP (docs/security.md).
        int bound = port == 0 ? -1 : port;
        context.getEnvironment().addPropertySource(PropertySource.of("segments-serve",
                Map.of("micronaut.server.port", bound, "micronaut.server.ssl.port", bound, "micronaut.server.host", host)));
        int interrupted = retrainModel.recoverInterrupted();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        refresher.start();
        triggers.start();
        rescorer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "segments-shutdown"));
        CheckHealth.Health health = checkHealth.check();
        return new Started(server.getURL(), health.databaseUp(), health.activeModel(), interrupted);
    }
}
