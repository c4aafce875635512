package com.segments.domain.audit;

/** How an audited request ended. */
public enum AuditOutcome {
    /** It was done. */
    OK,
    /** It was not allowed: no key, a wrong key, a role too low, or an address slowed down for bad keys. */
    REFUSED,
    /** It was allowed but did not succeed (a bad request, an unknown version, a conflict). */
    FAILED
}
