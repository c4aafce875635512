package com.segments.bootstrap;

import com.segments.application.RescoreCustomers;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While the server runs, re-scores stored customers when a new model version is active: every two seconds, at most
 * {@value #BATCHES} batches of {@value #BATCH} customers, so the database is never held by one long transaction and
 * transactions keep flowing; stopping the server leaves the rest for the next start.
 */
@Singleton
class CustomerRescorer {

    static final long PERIOD_SECONDS = 2;
    static final int BATCH = 500;
    static final int BATCHES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerRescorer.class);

    private final RescoreCustomers rescore;
    private ScheduledExecutorService executor;

    CustomerRescorer(RescoreCustomers rescore) {
        this.rescore = rescore;
    }

    synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "customer-rescore");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::run, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void run() {
        try {
            for (int b = 0; b < BATCHES; b++) {
                if (rescore.step(BATCH).done()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("re-scoring stored customers failed; trying again in {} s: {}", PERIOD_SECONDS, e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
