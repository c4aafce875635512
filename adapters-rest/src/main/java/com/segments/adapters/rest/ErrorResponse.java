package com.segments.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Every error the server answers with, for every status it can send (400 to 503), from a controller, a filter,
 * Micronaut itself (405, 406, 415, ...) or Netty (414, 431). Never a stack trace, SQL, a class name or an
 * absolute path ({@link Messages#safe}).
 *
 * @param status        the HTTP status code, repeated for clients that only see the body
 * @param error         a short, stable code ({@code invalid_field}, {@code no_active_model}, ...)
 * @param message       what is wrong and what to do, in one sentence
 * @param field         the request field at fault, when there is one
 * @param correlationId on a 500, the id under which the server logged the failure (also in the message)
 */
@Serdeable
public record ErrorResponse(int status, String error, String message, @Nullable String field,
                            @Nullable String correlationId) {

    public ErrorResponse(int status, String error, String message, @Nullable String field) {
        this(status, error, message, field, null);
    }
}
