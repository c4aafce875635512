package com.segments.adapters.rest;

import com.segments.application.KeyRing;
import com.segments.domain.access.Role;
import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditOutcome;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who may do what under {@code /api/v1}: the header {@code X-API-Key} names a key ({@link KeyRing}: the stored keys
 * and the configured {@code segments.api.key}), and the key's role must reach what {@link AccessRules} says the
 * request needs. Reads and predictions need no key unless {@code segments.api.require-key-for-reads} is set. With
 * no key at all, changes stay closed. Answers: 401 without a key, 403 for a wrong key or a role too low, 429 with
 * Retry-After for an address that sent too many wrong keys ({@link BadKeyThrottle}). Every refusal is audited; a
 * request let through carries its principal to {@link AuditFilter}.
 */
@ServerFilter("/api/v1/**")
public class ApiKeyFilter implements Ordered {

    static final String HEADER = "X-API-Key";
    /** The request attribute naming who a request let through is. */
    static final String PRINCIPAL = "segments.principal";

    private final KeyRing keys;
    private final AuditWriter audit;
    private final BadKeyThrottle throttle;
    private final boolean readsNeedKey;
    private final ScheduledExecutorService refresher;

    ApiKeyFilter(KeyRing keys, AuditWriter audit,
                 @Value("${segments.api.require-key-for-reads:false}") boolean readsNeedKey,
                 @Value("${segments.api.keys-refresh:5s}") Duration refresh,
                 @Value("${segments.api.bad-keys.allowed:5}") int allowed,
                 @Value("${segments.api.bad-keys.window:60s}") Duration window,
                 @Value("${segments.api.bad-keys.max-delay:15m}") Duration maxDelay,
                 @Value("${segments.api.bad-keys.max-addresses:10000}") int maxAddresses) {
        this.keys = keys;
        this.audit = audit;
        this.readsNeedKey = readsNeedKey;
        this.throttle = new BadKeyThrottle(allowed, window, maxDelay, maxAddresses, Clock.systemUTC());
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("segments.api.keys-refresh must be positive, got " + refresh);
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-key-refresh");
            thread.setDaemon(true);
            return thread;
        });
        // Keys made or revoked by another process (the CLI) are honoured within one interval; the first read
        // happens here, off the event loop.
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<ErrorResponse> check(HttpRequest<?> request) {
        AccessRules.Access access = AccessRules.of(request.getMethod(), request.getPath(), readsNeedKey);
        if (access.needed() == null) {
            return null;
        }
        String source = source(request);
        long wait = throttle.retryAfter(source);
        if (wait > 0) {
            return ApiErrors.respond(HttpStatus.TOO_MANY_REQUESTS, "too_many_bad_keys", "too many wrong API keys from "
                    + "this address; try again in " + wait + " s", HEADER).header("Retry-After", Long.toString(wait));
        }
        String given = request.getHeaders().get(HEADER);
        if (given == null || given.isBlank()) {
            if (!keys.anyKey()) {
                return refuse(request, access, source, "anonymous", HttpStatus.FORBIDDEN, "api_key_not_configured",
                        "this is disabled: no API key exists; make one with `segments keys add NAME --role admin` "
                                + "(or start the server with SEGMENTS_API_KEY set), then send it in " + HEADER);
            }
            return refuse(request, access, source, "anonymous", HttpStatus.UNAUTHORIZED, "api_key_missing",
                    "this request needs the " + HEADER + " header (a key of role " + access.needed().label()
                            + " or above)");
        }
        Optional<KeyRing.Principal> principal = keys.identify(given);
        if (principal.isEmpty()) {
            long blocked = throttle.failed(source);
            MutableHttpResponse<ErrorResponse> refused = refuse(request, access, source, "anonymous",
                    HttpStatus.FORBIDDEN, "api_key_wrong", "the " + HEADER + " header does not name a working key");
            return blocked > 0 ? refused.header("Retry-After", Long.toString(blocked)) : refused;
        }
        Role role = principal.get().role();
        if (!role.allows(access.needed())) {
            return refuse(request, access, source, principal.get().name(), HttpStatus.FORBIDDEN, "role_not_allowed",
                    "the key '" + principal.get().name() + "' has the role " + role.label() + "; this request needs "
                            + access.needed().label() + " or above");
        }
        request.setAttribute(PRINCIPAL, principal.get());
        return null;
    }

    private MutableHttpResponse<ErrorResponse> refuse(HttpRequest<?> request, AccessRules.Access access, String source,
                                                      String actor, HttpStatus status, String code, String message) {
        audit.submit(new AuditEntry(java.time.Instant.now(), actor, access.audited() ? access.action() : "api.access",
                access.audited() ? access.target() : request.getMethodName() + " " + request.getPath(),
                AuditOutcome.REFUSED, status.getCode() + " " + code, source));
        return ApiErrors.respond(status, code, message, HEADER);
    }

    /** The client's address as the connection has it (a proxy's own address behind one; see docs/security.md). */
    static String source(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private void refresh() {
        try {
            keys.refresh();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ApiKeyFilter.class).warn("API keys not re-read (the last ones read stay in use): {}",
                    e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }
}
