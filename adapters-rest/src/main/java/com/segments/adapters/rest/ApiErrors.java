package com.segments.adapters.rest;

import com.segments.application.ModelLookup;
import com.segments.application.RecordTransactions;
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
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import com.segments.application.ActivateModel;
import com.segments.domain.TextLimits;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    static MutableHttpResponse<ErrorResponse> respond(HttpStatus status, String code, String message, String field) {
        return HttpResponse.<ErrorResponse>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ErrorResponse(status.getCode(), code, Messages.safe(message, status.getReason()),
                        field == null ? null : TextLimits.echo(field)));
    }

    /**
     * A failure nobody foresaw: logged with a fresh correlation id and the whole trace, answered with the id only
     * (in the body, the message and the {@code X-Correlation-Id} header), so that support can find the log line.
     */
    static MutableHttpResponse<ErrorResponse> internal(HttpRequest<?> request, Throwable cause) {
        String id = java.util.UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", id, request.getMethodName(), TextLimits.echo(request.getPath()), cause);
        return HttpResponse.<ErrorResponse>serverError().contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Correlation-Id", id)
                .body(new ErrorResponse(500, "internal_error", "the server failed to answer this request; quote reference "
                        + id + " when reporting it", null, id));
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
                case ActivateModel.NotUsable n -> respond(HttpStatus.CONFLICT, "model_not_usable", n.getMessage(), "version");
                case StrictJson.NotStrictJson j -> respond(HttpStatus.BAD_REQUEST, "invalid_json", j.getMessage(), j.field());
                case RetrainModel.Conflict c -> respond(HttpStatus.CONFLICT, "job_running", c.getMessage(), "data");
                case com.segments.domain.access.UnknownKeyException u ->
                        respond(HttpStatus.NOT_FOUND, "unknown_key", u.getMessage(), "name");
                case com.segments.domain.access.KeyNameTaken t -> respond(HttpStatus.CONFLICT, "key_exists", t.getMessage(), "name");
                case RetrainModel.UnknownJob u -> respond(HttpStatus.NOT_FOUND, "unknown_job", u.getMessage(), "id");
                case RecordTransactions.UnknownCustomerException u ->
                        respond(HttpStatus.NOT_FOUND, "unknown_customer", u.getMessage(), "id");
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
        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException) {
                    return respond(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                            "the database cannot be reached; predictions of the active model still work", null);
                }
            }
            return internal(request, e);
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

    /**
     * Every answer Micronaut makes itself (404 for an unknown address, 405, 406, 415, 413 from the codec, a body
     * that cannot be bound, an {@link Error} thrown by a controller) in the documented shape, with a message of our
     * own: Micronaut's would repeat the client's headers or name classes.
     */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    static class Shape implements ErrorResponseProcessor<ErrorResponse> {
        @Override
        public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
            HttpRequest<?> request = context.getRequest();
            int code = base.code();
            if (code >= 500 && code != 503) {
                MutableHttpResponse<ErrorResponse> internal = internal(request,
                        context.getRootCause().orElse(new IllegalStateException("status " + code + " without a cause")));
                base.getHeaders().forEach((name, values) -> {
                    if (!internal.getHeaders().contains(name)) {
                        values.forEach(v -> internal.header(name, v));
                    }
                });
                return internal;
            }
            String detail = context.getErrors().isEmpty() ? null : context.getErrors().getFirst().getMessage();
            String method = TextLimits.echo(request.getMethodName());
            String[] said = switch (code) {
                case 400 -> new String[]{"invalid_request", "the request is malformed: " + Messages.safe(detail, "it cannot be read")};
                case 401 -> new String[]{"unauthorized", "this request needs credentials"};
                case 403 -> new String[]{"forbidden", "this request is not allowed"};
                case 404 -> new String[]{"not_found", "nothing lives at this address; GET /openapi.yml lists the API"};
                case 405 -> new String[]{"method_not_allowed", "this address does not take " + method
                        + "; the Allow header lists what it takes"};
                case 406 -> new String[]{"not_acceptable", "this address cannot answer in the type the Accept header "
                        + "asks for; accept application/json"};
                case 409 -> new String[]{"conflict", Messages.safe(detail, "the request conflicts with the current state")};
                case 413 -> new String[]{"too_large", "the request body is larger than the server takes"};
                case 414 -> new String[]{"uri_too_long", "the request's address is longer than the server takes"};
                case 415 -> new String[]{"unsupported_media_type", "this address does not take a body of that "
                        + "Content-Type; send application/json (or text/csv where documented)"};
                case 429 -> new String[]{"too_many_requests", "too many requests; try again later"};
                case 431 -> new String[]{"headers_too_large", "the request's headers are larger than the server takes"};
                case 503 -> new String[]{"unavailable", "the service cannot answer now; try again shortly"};
                default -> new String[]{"error", Messages.safe(detail, base.reason())};
            };
            return base.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorResponse(code, said[0], Messages.safe(said[1], base.reason()), null));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
