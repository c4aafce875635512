package com.segments.bootstrap;

import com.segments.application.ActiveModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While the server runs, re-reads which model is active every two seconds, so activations made by other processes
 * (the CLI, another server) are served within that time; this process's own activations swap in at once.
 */
@Singleton
class ActiveModelRefresher {

    static final long PERIOD_SECONDS = 2;

    private final ActiveModel activeModel;
    private ScheduledExecutorService executor;

    ActiveModelRefresher(ActiveModel activeModel) {
        this.activeModel = activeModel;
    }

    synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "active-model-refresh");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(activeModel::refresh, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
