package com.segments.adapters.rest;

import com.segments.application.RetrainModel;
import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.NoActiveModelException;
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

    @Produces
    @Singleton
    @Requires(classes = {FieldValidationException.class, ExceptionHandler.class})
    static class InvalidField implements ExceptionHandler<FieldValidationException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, FieldValidationException e) {
            return respond(HttpStatus.BAD_REQUEST, "invalid_field", e.getMessage(), e.field());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NoActiveModelException.class, ExceptionHandler.class})
    static class NoActiveModel implements ExceptionHandler<NoActiveModelException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, NoActiveModelException e) {
            return respond(HttpStatus.CONFLICT, "no_active_model", e.getMessage(), null);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {UnknownModelException.class, ExceptionHandler.class})
    static class UnknownModel implements ExceptionHandler<UnknownModelException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, UnknownModelException e) {
            return respond(HttpStatus.NOT_FOUND, "unknown_model", e.getMessage(), "version");
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {RetrainModel.Conflict.class, ExceptionHandler.class})
    static class JobConflict implements ExceptionHandler<RetrainModel.Conflict, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, RetrainModel.Conflict e) {
            return respond(HttpStatus.CONFLICT, "job_running", e.getMessage(), "data");
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {RetrainModel.Busy.class, ExceptionHandler.class})
    static class TrainingBusy implements ExceptionHandler<RetrainModel.Busy, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, RetrainModel.Busy e) {
            return respond(HttpStatus.SERVICE_UNAVAILABLE, "training_queue_full", e.getMessage(), null);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {RetrainModel.UnknownJob.class, ExceptionHandler.class})
    static class UnknownJob implements ExceptionHandler<RetrainModel.UnknownJob, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, RetrainModel.UnknownJob e) {
            return respond(HttpStatus.NOT_FOUND, "unknown_job", e.getMessage(), "id");
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PredictController.BatchTooLarge.class, ExceptionHandler.class})
    static class BatchTooLarge implements ExceptionHandler<PredictController.BatchTooLarge, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, PredictController.BatchTooLarge e) {
            return respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "batch_too_large", e.getMessage(), null);
        }
    }

    /** Any other failure a request caused (a bad parameter, say). */
    @Produces
    @Singleton
    @Requires(classes = {SegmentsException.class, ExceptionHandler.class})
    static class InvalidRequest implements ExceptionHandler<SegmentsException, HttpResponse<ErrorResponse>> {
        @Override
        public HttpResponse<ErrorResponse> handle(HttpRequest request, SegmentsException e) {
            return respond(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), null);
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
