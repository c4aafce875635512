package com.segments.domain.audit;

import java.time.Instant;
import java.util.List;

/** The storage port for the audit trail: append-only. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The newest {@code limit} entries at or after {@code from}, oldest first. */
    List<AuditEntry> since(Instant from, int limit);
}
