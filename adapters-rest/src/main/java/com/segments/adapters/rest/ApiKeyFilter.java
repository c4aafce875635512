package com.segments.adapters.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requests that change the registry (everything under /api/v1 but reads, predictions and drift measurements) need the header
 * {@code X-API-Key} matching the key the server was started with ({@code SEGMENTS_API_KEY}, never a default).
 * Without a configured key those endpoints stay closed: 401 when the header is missing, 403 when it is wrong or no
 * key is configured.
 */
@ServerFilter("/api/v1/**")
public class ApiKeyFilter {

    static final String HEADER = "X-API-Key";

    private final byte[] key;

    ApiKeyFilter(@Nullable @Value("${segments.api.key:}") String key) {
        this.key = key == null || key.isBlank() ? null : key.strip().getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<ErrorResponse> check(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getPath().equals("/api/v1/predict") || request.getPath().startsWith("/api/v1/predict/")
                || request.getPath().equals("/api/v1/drift")) {
            return null;
        }
        if (key == null) {
            return refuse(HttpStatus.FORBIDDEN, "api_key_not_configured",
                    "changing models is disabled: start the server with SEGMENTS_API_KEY set, then send it in " + HEADER);
        }
        String given = request.getHeaders().get(HEADER);
        if (given == null || given.isBlank()) {
            return refuse(HttpStatus.UNAUTHORIZED, "api_key_missing", "this endpoint needs the " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(key, given.strip().getBytes(StandardCharsets.UTF_8))) {
            return refuse(HttpStatus.FORBIDDEN, "api_key_wrong", "the " + HEADER + " header does not match the server's key");
        }
        return null;
    }

    private static MutableHttpResponse<ErrorResponse> refuse(HttpStatus status, String code, String message) {
        return HttpResponse.<ErrorResponse>status(status).body(new ErrorResponse(status.getCode(), code, message, HEADER));
    }
}
