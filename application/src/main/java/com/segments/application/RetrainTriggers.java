package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.drift.DriftReport;
import com.segments.domain.job.TrainingJob;
import com.segments.domain.model.ModelVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a drift verdict, or a schedule, into the ordinary retraining job: when a report of the active version says
 * "drifted" (a batch measured through the API, or the live window checked periodically), or when the schedule fires,
 * it queues a retrain of the configured data source. Never more than one job at a time on that source (the job
 * system's own conflict rule), and after a job was queued none for the cool-down. The version the job makes records
 * what triggered it; the promotion gate still decides whether it goes live.
 */
public final class RetrainTriggers {

    /** Longest text kept of what triggered a job (the version's trigger column holds 256 characters). */
    static final int TRIGGER_TEXT = 200;

    /**
     * @param onDrift      queue a retrain when a verdict is "drifted"
     * @param data         the file to retrain on, under the server's data directory
     * @param features     a feature spec for it, or null to infer
     * @param transactions whether {@code data} is a transaction log
     * @param algorithm    the plugin
     * @param parameters   its parameters (none: k is chosen)
     * @param seed         the seed of the retrain
     * @param coolDown     no second trigger within this time of the last one
     */
    public record Policy(boolean onDrift, String data, String features, boolean transactions, String algorithm,
                         Map<String, Integer> parameters, long seed, Duration coolDown) {
        public Policy {
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(coolDown, "coolDown");
            if (coolDown.isNegative()) {
                throw new IllegalArgumentException("a cool-down cannot be negative: " + coolDown);
            }
        }
    }

    private final Policy policy;
    private final RetrainModel retrain;
    private final LiveDrift live;
    private final ModelLookup lookup;
    private final Clock clock;
    private Instant last;

    public RetrainTriggers(Policy policy, RetrainModel retrain, LiveDrift live, ModelLookup lookup, Clock clock) {
        this.policy = policy;
        this.retrain = retrain;
        this.live = live;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Checks the live window of the active version; queues a retrain when it has drifted. */
    public Optional<TrainingJob> checkLive() {
        if (!policy.onDrift()) {
            return Optional.empty();
        }
        DriftReport report;
        try {
            ModelVersion active = lookup.resolve(ModelReference.ACTIVE);
            report = live.report(active).report();
        } catch (SegmentsException e) {
            return Optional.empty(); // no active model, no reference, or nothing predicted yet
        }
        return afterDrift(report, "live predictions");
    }

    /**
     * Considers a drift report; queues a retrain when it is the active version's and says "drifted".
     *
     * @param what what was measured, for the record ("an uploaded batch", "live predictions")
     */
    public Optional<TrainingJob> afterDrift(DriftReport report, String what) {
        if (!policy.onDrift() || report.verdict() != DriftReport.Level.DRIFTED) {
            return Optional.empty();
        }
        int active;
        try {
            active = lookup.resolve(ModelReference.ACTIVE).version();
        } catch (SegmentsException e) {
            return Optional.empty();
        }
        if (report.version() != active) {
            return Optional.empty(); // a drifted challenger is no reason to retrain the champion
        }
        String why = report.reasons().isEmpty() ? "" : ": " + report.reasons().getFirst();
        return queue("drift of " + what + " against version " + report.version() + why);
    }

    /** The schedule fired: queue a retrain (unless one is running or the cool-down has not passed). */
    public Optional<TrainingJob> scheduled(String schedule) {
        return queue("schedule " + schedule);
    }

    private synchronized Optional<TrainingJob> queue(String trigger) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(policy.coolDown()))) {
            return Optional.empty();
        }
        String text = trigger.length() <= TRIGGER_TEXT ? trigger : trigger.substring(0, TRIGGER_TEXT - 3) + "...";
        try {
            TrainingJob job = retrain.submit(new RetrainModel.Command(policy.data(), null, policy.algorithm(),
                    policy.parameters(), policy.seed(), policy.features(), policy.transactions(), text));
            last = now;
            return Optional.of(job);
        } catch (RetrainModel.Conflict e) {
            return Optional.empty(); // one at a time: the running job is the answer
        }
    }
}
