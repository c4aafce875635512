package com.segments.domain.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request to train a model in the background, and what became of it.
 *
 * @param id         opaque id
 * @param source     the data source (a file path), at most one job per source runs at a time
 * @param algorithm  plugin id
 * @param parameters plugin parameters as requested
 * @param seed       seed of the fit
 * @param state      where it is
 * @param progress   0 to 1
 * @param stage      what it is doing, in a few words
 * @param createdAt  when it was asked for
 * @param startedAt  when a worker took it, or null
 * @param finishedAt when it ended, or null
 * @param version    the model version it produced, or null
 * @param error      why it failed, or null
 */
public record TrainingJob(String id, String source, String algorithm, Map<String, Integer> parameters, long seed,
                          JobState state, double progress, String stage, Instant createdAt, Instant startedAt,
                          Instant finishedAt, Integer version, String error) {

    public TrainingJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        parameters = Map.copyOf(parameters);
    }

    public TrainingJob running(Instant at) {
        return new TrainingJob(id, source, algorithm, parameters, seed, JobState.RUNNING, 0, "starting", createdAt, at,
                null, null, null);
    }

    public TrainingJob progressed(double fraction, String what) {
        return new TrainingJob(id, source, algorithm, parameters, seed, state, fraction, what, createdAt, startedAt,
                finishedAt, version, error);
    }

    public TrainingJob succeeded(int producedVersion, Instant at) {
        return new TrainingJob(id, source, algorithm, parameters, seed, JobState.SUCCEEDED, 1, "done", createdAt,
                startedAt, at, producedVersion, null);
    }

    public TrainingJob ended(JobState end, String reason, Instant at) {
        return new TrainingJob(id, source, algorithm, parameters, seed, end, progress, end.name().toLowerCase(),
                createdAt, startedAt, at, version, reason);
    }
}
