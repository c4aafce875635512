package com.segments.domain.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each customer's stored {@link CustomerActivity} with the segment it was last given, the transactions it was made
 * of ({@code fact_transactions}, each with a transaction id that makes a retry harmless) and the history of segment
 * changes. A port: the database is behind it.
 *
 * <p>Consistency: {@link #record} stores the transaction, the updated profile and the move in one database
 * transaction, holding the customer's row lock while the change is computed, so concurrent transactions of one
 * customer are applied one after the other and none is lost; a crash leaves either all three or none.
 */
public interface CustomerProfileStore {

    /** The group attributes of a transaction recorded one at a time, in the order of {@link Transaction#groups()}. */
    List<String> GROUPS = List.of("bank", "location");

    /**
     * One customer's stored profile.
     *
     * @param segment    the segment last given (null: never scored, e.g. no transaction counted yet)
     * @param version    the model version that gave it (null with it)
     * @param asOf       the day recency was counted to when it was given (null with it)
     * @param changedAt  when the segment last changed (null: never scored)
     * @param updatedAt  when the profile was last written
     * @param rowVersion incremented on every write, for compare-and-set
     */
    record StoredProfile(String customer, CustomerActivity activity, Integer segment, Integer version, LocalDate asOf,
                         Instant changedAt, Instant updatedAt, long rowVersion) {
    }

    /**
     * What a change writes: the activity after the transaction and the segment it now gets.
     *
     * @param segment null to leave the customer unscored (nothing counted yet)
     */
    record Outcome(CustomerActivity activity, Integer segment, Integer version, LocalDate asOf) {
    }

    /** Computes the new profile from the stored one; runs inside the database transaction, so it must be quick. */
    @FunctionalInterface
    interface Change {
        /**
         * @param before    the stored profile (a new customer has an empty activity and no segment); its activity
         *                  may be changed and returned
         * @param latestDay the latest transaction day stored, this transaction included
         */
        Outcome apply(StoredProfile before, LocalDate latestDay);
    }

    /**
     * What {@link #record} did.
     *
     * @param duplicate true when the transaction id was already stored: nothing was changed and {@code after} is the
     *                  profile as stored
     * @param previous  the segment before this transaction
     */
    record Recorded(StoredProfile after, boolean duplicate, Integer previous) {

        public boolean changed() {
            return !duplicate && after.segment() != null && !after.segment().equals(previous);
        }
    }

    /**
     * In one database transaction: locks the customer's profile (making an empty one for a new customer); when
     * {@code transactionId} is already stored does nothing more; else stores the transaction, applies the change,
     * writes the profile and, when the segment changed, records the move with cause {@code transaction}.
     *
     * @param transaction its groups are {@link #GROUPS} (either may be empty)
     * @throws com.segments.domain.SegmentsException when the transaction id was used for another customer, or the
     *                                               database fails (then nothing was stored)
     */
    Recorded record(String transactionId, Transaction transaction, String source, Instant at, Change change);

    /** The stored profile of a customer. */
    Optional<StoredProfile> find(String customer);

    /** The latest transaction day stored, if any: the default as-of day. */
    Optional<LocalDate> latestDay();

    /**
     * Moves recorded at or after {@code since}, oldest first.
     *
     * @param to    only moves into this segment (null: any)
     * @param limit at most this many
     */
    List<SegmentMove> moves(Instant since, Integer to, int limit);

    /** Profiles of customers whose id sorts after {@code after} ("" for the first), in id order, at most {@code limit}. */
    List<StoredProfile> page(String after, int limit);

    /**
     * Scored profiles whose segment was given by another version than {@code version}, in id order, at most
     * {@code limit}: what is left to re-score after a new version became active (the stored versions are the
     * progress, so re-scoring resumes where it stopped after a restart).
     */
    List<StoredProfile> scoredByOtherVersions(int version, int limit);

    /** How many profiles are scored, and how many of them by {@code version}. */
    record ScoredCount(long scored, long byVersion) {
    }

    ScoredCount scoredCount(int version);

    /**
     * Writes a new segment for a profile unless it was written since it was read (compare-and-set on the row
     * version), and records the move with cause {@code model} when the segment changed.
     *
     * @return false when the profile had changed (the caller reads it again)
     */
    boolean rescore(StoredProfile read, Outcome outcome, Instant at);
}
