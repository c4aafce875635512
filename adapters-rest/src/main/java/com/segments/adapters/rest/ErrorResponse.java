package com.segments.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Every error the API answers with.
 *
 * @param status  the HTTP status code, repeated for clients that only see the body
 * @param error   a short, stable code ({@code invalid_field}, {@code no_active_model}, ...)
 * @param message what is wrong and what to do, in one sentence
 * @param field   the request field at fault, when there is one
 */
@Serdeable
public record ErrorResponse(int status, String error, String message, @Nullable String field) {
}
