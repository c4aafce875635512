package com.segments.bootstrap;

import com.segments.application.RetrainTriggers;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * While the server runs, asks {@link RetrainTriggers} every {@code segments.triggers.check-seconds} (default 60)
 * whether the active version's live window has drifted, and fires the {@code segments.triggers.cron} schedule
 * (Micronaut's cron: seconds minutes hours day-of-month month day-of-week, e.g. {@code 0 0 3 * * MON}). Both only
 * when configured; what each queued job was for is logged and stored with the version it makes.
 */
@Singleton
class RetrainTriggerScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainTriggerScheduler.class);

    private final RetrainTriggers triggers;
    private final TaskScheduler scheduler;
    private final boolean onDrift;
    private final long checkSeconds;
    private final String cron;
    private ScheduledExecutorService checks;
    private ScheduledFuture<?> scheduled;

    RetrainTriggerScheduler(RetrainTriggers triggers, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                            @Value("${segments.triggers.on-drift:false}") boolean onDrift,
                            @Value("${segments.triggers.check-seconds:60}") long checkSeconds,
                            @Value("${segments.triggers.cron:}") String cron) {
        if (checkSeconds < 1) {
            throw new IllegalArgumentException("segments.triggers.check-seconds must be 1 or more, got " + checkSeconds);
        }
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.onDrift = onDrift;
        this.checkSeconds = checkSeconds;
        this.cron = cron == null ? "" : cron.strip();
    }

    synchronized void start() {
        if (onDrift && checks == null) {
            checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "drift-trigger");
                thread.setDaemon(true);
                return thread;
            });
            checks.scheduleWithFixedDelay(this::checkLive, checkSeconds, checkSeconds, TimeUnit.SECONDS);
        }
        if (!cron.isEmpty() && scheduled == null) {
            scheduled = scheduler.schedule(cron, () -> triggers.scheduled(cron).ifPresent(job ->
                    LOG.info("scheduled retrain queued as job {}", job.id())));
        }
    }

    private void checkLive() {
        try {
            triggers.checkLive().ifPresent(job -> LOG.info("live drift of the active version: retrain queued as job {}",
                    job.id()));
        } catch (RuntimeException e) {
            LOG.warn("the drift check failed and will run again: {}", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
