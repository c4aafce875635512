package com.segments.domain.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The storage port for training jobs, so that they survive the process that ran them. */
public interface JobRepository {

    void save(TrainingJob job);

    Optional<TrainingJob> find(String id);

    /** Jobs, newest first, at most {@code limit}. */
    List<TrainingJob> recent(int limit);

    /** The queued or running job for a data source, if any. */
    Optional<TrainingJob> unfinishedFor(String source);

    /**
     * Marks every queued or running job FAILED with the reason {@code interrupted}: called when a server starts,
     * since no job of an earlier process can still be running.
     *
     * @return how many were marked
     */
    int failUnfinished(String reason, Instant at);
}
