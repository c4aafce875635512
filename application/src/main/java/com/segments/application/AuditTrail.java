package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.audit.AuditOutcome;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who changed what, when, how it ended and from where: every change (activation, rollback, alias, segment edit,
 * retraining, cancellation, key made or revoked) from any door, and every refused key. The doors say who and from
 * where; this class stamps the time and keeps the entry.
 */
public final class AuditTrail {

    /** At most this many entries are answered at once. */
    public static final int MAX_READ = 10_000;

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public AuditEntry record(String actor, String action, String target, AuditOutcome outcome, String detail,
                             String source) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, action, target, outcome, detail, source);
        log.append(entry);
        return entry;
    }

    /** Keeps an entry a door has stamped itself (the HTTP door stamps the moment a request was refused). */
    public void append(AuditEntry entry) {
        log.append(entry);
    }

    /**
     * Runs a change and records how it ended: OK with {@code said(result)}, or FAILED with the error's message (the
     * error is thrown on).
     */
    public <T> T audited(String actor, String action, String target, String source, Supplier<T> change,
                         Function<T, String> said) {
        T result;
        try {
            result = change.get();
        } catch (RuntimeException e) {
            try {
                record(actor, action, target, AuditOutcome.FAILED, e instanceof SegmentsException ? e.getMessage()
                        : "failed unexpectedly", source);
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // the store may be what failed: the change's own error says more
            }
            throw e;
        }
        record(actor, action, target, AuditOutcome.OK, said.apply(result), source);
        return result;
    }

    /**
     * A moment as users write one: {@code 2026-03-01} (that day's start, UTC) or an ISO instant
     * ({@code 2026-03-01T10:00:00Z}); null or empty for the beginning.
     */
    public static Instant since(String field, String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        return Moments.parse(field, text.strip());
    }

    /** The newest {@code limit} entries at or after {@code from}, oldest first. */
    public List<AuditEntry> since(Instant from, int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw new com.segments.domain.feature.FieldValidationException("limit", "must be 1 to " + MAX_READ
                    + ", got " + limit);
        }
        return log.since(from == null ? Instant.EPOCH : from, limit);
    }
}
