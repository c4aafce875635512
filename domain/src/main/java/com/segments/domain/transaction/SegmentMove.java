package com.segments.domain.transaction;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a customer's segment, as recorded in the segment history.
 *
 * @param from    the segment before, or null when the customer had none (its first scoring)
 * @param to      the segment after ({@code -1}: noise, for plugins that have it)
 * @param version the model version that gave {@code to}
 * @param cause   what made the customer move
 */
public record SegmentMove(long id, String customer, Integer from, int to, int version, Instant at, Cause cause) {

    /** What made a customer move: a transaction of theirs, or a new model version re-scoring them. */
    public enum Cause {
        TRANSACTION, MODEL;

        /** The word stored and shown. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Cause ofWord(String word) {
            return valueOf(word.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public SegmentMove {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
    }
}
