package com.segments.adapters.rest;

import com.segments.application.AuditTrail;
import com.segments.domain.TextLimits;
import com.segments.domain.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The audit trail over HTTP (admin keys only): {@code segments audit} as JSON. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Serdeable
    public record AuditResponse(Instant at, String actor, String action, String target, String outcome, String detail,
                                String source) {
        static AuditResponse of(AuditEntry e) {
            return new AuditResponse(e.at(), e.actor(), e.action(), e.target(), e.outcome().name(), e.detail(), e.source());
        }
    }

    /**
     * @param since a date (2026-03-01, UTC) or an ISO instant; from the beginning when absent
     * @param limit the newest this many (default 1000, at most 10,000)
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public List<AuditResponse> audit(@Nullable @QueryValue String since, @Nullable @QueryValue String limit) {
        int n = 1_000;
        if (limit != null) {
            if (limit.isEmpty() || limit.length() > 6 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new com.segments.domain.feature.FieldValidationException("limit", "\"" + TextLimits.echo(limit)
                        + "\" is not a whole number from 1 to " + AuditTrail.MAX_READ);
            }
            n = Integer.parseInt(limit);
        }
        return trail.since(AuditTrail.since("since", since), n).stream().map(AuditResponse::of).toList();
    }
}
