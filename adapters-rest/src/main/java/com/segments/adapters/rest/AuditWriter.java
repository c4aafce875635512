package com.segments.adapters.rest;

import com.segments.application.AuditTrail;
import com.segments.domain.audit.AuditEntry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the HTTP door's audit entries go: the log ({@code segments.audit}, one line each, at once) and the audit
 * table. A change is stored before its answer leaves ({@link #store}); a refused key is stored by one background
 * writer ({@link #submit}), so a refusal answered on the event loop never waits for the database, and a flood of
 * refusals (slowed down by {@link BadKeyThrottle} anyway) queues at most {@value #QUEUE} entries: beyond that they
 * are only logged.
 */
@Singleton
class AuditWriter {

    static final int QUEUE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger("segments.audit");

    private final AuditTrail trail;
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
        Thread thread = new Thread(runnable, "audit-writer");
        thread.setDaemon(true);
        return thread;
    });

    AuditWriter(AuditTrail trail) {
        this.trail = trail;
    }

    /** Logs and stores the entry before returning (on a blocking thread). */
    void store(AuditEntry entry) {
        log(entry);
        try {
            trail.append(entry);
        } catch (RuntimeException e) {
            LOG.error("audit entry not stored (it is in this log): {}", e.getMessage());
        }
    }

    /** Logs the entry now and stores it in the background. */
    void submit(AuditEntry entry) {
        log(entry);
        try {
            background.execute(() -> {
                try {
                    trail.append(entry);
                } catch (RuntimeException e) {
                    LOG.error("audit entry not stored (it is in this log): {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("audit queue full: the entry above is in this log only");
        }
    }

    /** Waits for queued entries to be stored (tests, and shutting down). */
    void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((background.getQueue().size() > 0 || background.getActiveCount() > 0) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void close() {
        drain();
        background.shutdownNow();
    }

    private static void log(AuditEntry e) {
        LOG.info("actor={} action={} target=\"{}\" outcome={} detail=\"{}\" source={}", e.actor(), e.action(),
                e.target(), e.outcome(), e.detail(), e.source());
    }
}
