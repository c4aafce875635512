package com.segments.application;

import com.segments.application.transactions.ProfileLayout;
import com.segments.domain.SegmentsException;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.NoActiveModelException;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.CustomerProfileStore.StoredProfile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * After a new model version becomes active, gives every stored customer the segment of the new version, in bounded
 * batches, recording each change as a move with cause {@code model}. The stored versions are the progress: a
 * restart resumes with the customers still scored by another version. A profile written by a transaction while
 * it is re-scored is left for the next batch (compare-and-set), so no update is lost.
 *
 * <p>The caller (the server's background thread) calls {@link #step} until it reports nothing left. Once every
 * stored customer carries the active version, further steps for that version answer from memory and touch the
 * store only every {@link #RECHECK}: an idle server does not scan the profiles every few seconds, and a transaction
 * scored by the previous version that committed just after the last batch is still picked up.
 */
public final class RescoreCustomers {

    /** How long a finished version is trusted before the store is asked again. */
    public static final Duration RECHECK = Duration.ofMinutes(1);

    private final CustomerProfileStore store;
    private final ModelLookup lookup;
    private final Clock clock;
    private volatile Finished finished;

    /** The last version found with nothing left to re-score, when, and the progress then. */
    private record Finished(int version, Instant at, Progress progress) {
    }

    public RescoreCustomers(CustomerProfileStore store, ModelLookup lookup, Clock clock) {
        this.store = store;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * Where re-scoring stands.
     *
     * @param version  the active version (null when none is active)
     * @param scored   stored customers that have a segment
     * @param current  of those, how many have the active version's
     * @param note     why nothing is re-scored, when nothing can be (no active model, not a transaction model)
     */
    public record Progress(Integer version, long scored, long current, String note) {

        public long remaining() {
            return scored - current;
        }

        public boolean done() {
            return note != null || remaining() == 0;
        }
    }

    /** Where re-scoring stands, without doing any. */
    public Progress progress() {
        ModelVersion model;
        try {
            model = lookup.resolve(ModelReference.ACTIVE);
        } catch (NoActiveModelException e) {
            return new Progress(null, 0, 0, "no model is active");
        }
        return progress(model, note(model));
    }

    private Progress progress(ModelVersion model, String note) {
        CustomerProfileStore.ScoredCount count = store.scoredCount(model.version());
        return new Progress(model.version(), count.scored(), count.byVersion(), note);
    }

    private static String note(ModelVersion model) {
        try {
            RecordTransactions.layout(model);
            return null;
        } catch (SegmentsException e) {
            return "the active version " + model.version() + " was not trained on transaction profiles; stored "
                    + "customers keep the segments of the version that scored them";
        }
    }

    /**
     * Re-scores at most {@code limit} customers scored by another version than the active one.
     *
     * @return the progress after the batch
     */
    public Progress step(int limit) {
        ModelVersion model;
        try {
            model = lookup.resolve(ModelReference.ACTIVE);
        } catch (NoActiveModelException e) {
            return new Progress(null, 0, 0, "no model is active");
        }
        String note = note(model);
        if (note != null) {
            return progress(model, note);
        }
        Instant now = clock.instant();
        Finished done = finished;
        if (done != null && done.version() == model.version() && now.isBefore(done.at().plus(RECHECK))) {
            return done.progress();
        }
        List<StoredProfile> stale = store.scoredByOtherVersions(model.version(), limit);
        if (!stale.isEmpty()) {
            rescore(model, stale);
        }
        Progress progress = progress(model, null);
        finished = progress.done() ? new Finished(model.version(), now, progress) : null;
        return progress;
    }

    private void rescore(ModelVersion model, List<StoredProfile> stale) {
        ProfileLayout layout = RecordTransactions.layout(model);
        LocalDate asOf = store.latestDay().orElse(LocalDate.ofEpochDay(stale.getFirst().activity().lastDay()));
        for (StoredProfile profile : stale) {
            store.rescore(profile, RecordTransactions.score(model, layout, profile.activity(), asOf), clock.instant());
        }
    }
}
