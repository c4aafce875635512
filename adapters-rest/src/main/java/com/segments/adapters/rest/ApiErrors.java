package com.segments.adapters.rest;

import com.segments.application.ModelLookup;
import com.segments.application.RetrainModel;
import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.NoActiveModelException;
import com.segments.domain.model.UnknownAliasException;
import com.segments.domain.model.UnknownModelException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Turns the errors a client can cause into answers that say what is wrong: 400 naming the field, 404 for an
 * unknown model version, 409 when nothing has been trained yet. Never a stack trace.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static HttpResponse<ErrorResponse> respond(HttpStatus status, String code, String message, String field) {
        return HttpResponse.<ErrorResponse>status(status).body(new ErrorResponse(status.getCode(), code, message, field));
    }

    /**
     * Every failure a request can cause, by type: 400 naming the field for a bad customer field, 404 for an unknown
     * model or job, 409 when nothing is trained yet or a job already runs on that data, 413 for a batch over the
     * limit, 503 when the training queue is full, 400 for anything else a request got wrong.
     */
    @Produces
    @Singleton
    @Requires(classes = {SegmentsException.class, ExceptionHandler.class})
    static class RequestErrors implements ExceptionHandler<SegmentsException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, SegmentsException e) {
            return switch (e) {
                case FieldValidationException f -> respond(HttpStatus.BAD_REQUEST, "invalid_field", f.getMessage(), f.field());
                case NoActiveModelException n -> respond(HttpStatus.CONFLICT, "no_active_model", n.getMessage(), null);
                case UnknownModelException u -> respond(HttpStatus.NOT_FOUND, "unknown_model", u.getMessage(), "version");
                case UnknownAliasException u -> respond(HttpStatus.NOT_FOUND, "unknown_alias", u.getMessage(), "model");
                case ModelLookup.ModelNotServable m -> respond(HttpStatus.CONFLICT, "model_not_servable", m.getMessage(), "model");
                case RetrainModel.Conflict c -> respond(HttpStatus.CONFLICT, "job_running", c.getMessage(), "data");
                case RetrainModel.UnknownJob u -> respond(HttpStatus.NOT_FOUND, "unknown_job", u.getMessage(), "id");
                case RetrainModel.Busy b -> respond(HttpStatus.SERVICE_UNAVAILABLE, "training_queue_full", b.getMessage(), null);
                case PredictController.BatchTooLarge b ->
                        respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "batch_too_large", b.getMessage(), null);
                default -> respond(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), null);
            };
        }
    }

    /**
     * The database is unreachable. Predictions of the active model keep coming from memory; requests that need the
     * store get 503 rather than an internal error.
     */
    @Produces
    @Singleton
    @Requires(classes = {ExceptionHandler.class})
    static class StoreUnavailable implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
        private final io.micronaut.http.server.exceptions.response.ErrorResponseProcessor<?> fallback;

        StoreUnavailable(io.micronaut.http.server.exceptions.response.ErrorResponseProcessor<?> fallback) {
            this.fallback = fallback;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException) {
                    return respond(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                            "the database cannot be reached; predictions of the active model still work", null);
                }
            }
            org.slf4j.LoggerFactory.getLogger(ApiErrors.class).error("unexpected failure on {}", request.getPath(), e);
            return fallback.processResponse(io.micronaut.http.server.exceptions.response.ErrorContext.builder(request)
                    .cause(e).errorMessage("internal error").build(), HttpResponse.serverError());
        }
    }

    /** A body that is not JSON at all. */
    @Produces
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static class MalformedJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, JsonSyntaxException e) {
            return respond(HttpStatus.BAD_REQUEST, "invalid_json", "the body is not valid JSON: "
                    + firstLine(e.getMessage()), null);
        }
    }

    /** A query parameter of the wrong type ({@code ?version=abc}). */
    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static class WrongType implements ExceptionHandler<ConversionErrorException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, ConversionErrorException e) {
            String name = e.getArgument().getName();
            return respond(HttpStatus.BAD_REQUEST, "invalid_request",
                    "'" + name + "' has the wrong type: " + firstLine(e.getMessage()), name);
        }
    }

    @Produces
    @Singleton
    @Replaces(ContentLengthExceededHandler.class)
    static class TooLarge implements ExceptionHandler<ContentLengthExceededException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, ContentLengthExceededException e) {
            return respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", firstLine(e.getMessage()), null);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
