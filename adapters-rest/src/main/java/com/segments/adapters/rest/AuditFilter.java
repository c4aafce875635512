package com.segments.adapters.rest;

import com.segments.application.KeyRing;
import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditOutcome;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.Optional;

/**
 * Records every change made over HTTP (activate, roll back, alias, segment edit, retrain, cancel, comparisons, keys)
 * with who made it, its target, how it ended and from where, before the answer leaves: an answer the client saw is
 * always in the audit. Only the change addresses pass through here, so predictions pay nothing for it. Refusals
 * are recorded by {@link ApiKeyFilter}.
 */
@ServerFilter(patterns = {"/api/v1/models/*/activate", "/api/v1/models/rollback", "/api/v1/aliases/*",
        "/api/v1/segments/*", "/api/v1/retrain", "/api/v1/jobs/*", "/api/v1/comparisons", "/api/v1/comparisons/*",
        "/api/v1/keys", "/api/v1/keys/*"}, methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE})
public class AuditFilter {

    private final AuditWriter audit;
    private final boolean readsNeedKey;

    AuditFilter(AuditWriter audit, @Value("${segments.api.require-key-for-reads:false}") boolean readsNeedKey) {
        this.audit = audit;
        this.readsNeedKey = readsNeedKey;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<KeyRing.Principal> principal = request.getAttribute(ApiKeyFilter.PRINCIPAL, KeyRing.Principal.class);
        if (principal.isEmpty()) {
            return; // refused before it ran, and recorded then
        }
        AccessRules.Access access = AccessRules.of(request.getMethod(), request.getPath(), readsNeedKey);
        if (!access.audited()) {
            return;
        }
        int status = response.code();
        AuditOutcome outcome = status < 400 ? AuditOutcome.OK : AuditOutcome.FAILED;
        audit.store(new AuditEntry(Instant.now(), principal.get().name(), access.action(), target(access, request),
                outcome, status + " " + detail(response), ApiKeyFilter.source(request)));
    }

    private static String target(AccessRules.Access access, HttpRequest<?> request) {
        String model = request.getParameters().get("model");
        return model == null ? access.target() : access.target() + " of model " + model;
    }

    /** What the answer says: the error's code and message, or what the change did. */
    private static String detail(MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        return switch (body) {
            case null -> "";
            case ErrorResponse e -> e.error() + ": " + e.message();
            case ModelsController.ActivationResponse a -> "active " + a.active()
                    + (a.previous() == null ? "" : " (was " + a.previous() + ")");
            case JobsController.JobResponse j -> "job " + j.id() + " " + j.state() + " on " + j.source();
            case SegmentsController.SegmentLabelResponse l -> "segment " + l.id() + " '" + l.name() + "', "
                    + l.offers().size() + " offers";
            case KeysController.KeyResponse k -> "key " + k.name() + " role " + k.role()
                    + (k.revokedAt() == null ? "" : " revoked");
            case KeysController.IssuedResponse k -> "key " + k.name() + " role " + k.role();
            case java.util.Map<?, ?> m -> m.toString();
            default -> "";
        };
    }
}
