package com.segments.adapters.web;

import com.segments.application.ModelLookup;
import com.segments.domain.SegmentsException;
import com.segments.domain.model.NoActiveModelException;
import com.segments.domain.model.UnknownAliasException;
import com.segments.domain.model.UnknownModelException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * What every console page shares: how it is answered (a template and its model, as HTML) and what a person sees
 * when something goes wrong on it: a page that says what happened in words, never a stack trace or a JSON error.
 * These error routes are the controllers' own, so the REST door keeps answering its errors as JSON.
 */
@Produces(MediaType.TEXT_HTML)
abstract class ConsolePage {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePage.class);

    /** A page: its template under {@code views/}, the navigation entry it belongs to, its title and its values. */
    static HttpResponse<ModelAndView<Map<String, Object>>> page(String view, String section, String title,
                                                                Map<String, Object> values) {
        return page(HttpStatus.OK, view, section, title, values);
    }

    static HttpResponse<ModelAndView<Map<String, Object>>> page(HttpStatus status, String view, String section,
                                                                String title, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("section", section);
        model.put("title", title);
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(view, model))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** The page for a request that went wrong: the status, a headline, and what to do. */
    static HttpResponse<ModelAndView<Map<String, Object>>> problem(HttpStatus status, String headline, String message) {
        return page(status, "problem", "", headline, Map.of("status", status.getCode(), "headline", headline,
                "message", message));
    }

    @Error(exception = UnknownModelException.class)
    HttpResponse<ModelAndView<Map<String, Object>>> unknownModel(HttpRequest<?> request, UnknownModelException e) {
        return problem(HttpStatus.NOT_FOUND, "No such model version", e.getMessage() + ". The Models page lists them.");
    }

    @Error(exception = UnknownAliasException.class)
    HttpResponse<ModelAndView<Map<String, Object>>> unknownAlias(HttpRequest<?> request, UnknownAliasException e) {
        return problem(HttpStatus.NOT_FOUND, "No such model alias", e.getMessage() + ". The Models page lists them.");
    }

    @Error(exception = NoActiveModelException.class)
    HttpResponse<ModelAndView<Map<String, Object>>> noModel(HttpRequest<?> request, NoActiveModelException e) {
        return page(HttpStatus.OK, "nomodel", "overview", "No model yet", Map.of("message", e.getMessage()));
    }

    @Error(exception = ModelLookup.ModelNotServable.class)
    HttpResponse<ModelAndView<Map<String, Object>>> notServable(HttpRequest<?> request, ModelLookup.ModelNotServable e) {
        return problem(HttpStatus.CONFLICT, "This version has no model", e.getMessage() + ".");
    }

    /** Something the request got wrong (a parameter of the wrong form, say): the use case's message says what. */
    @Error(exception = SegmentsException.class)
    HttpResponse<ModelAndView<Map<String, Object>>> refused(HttpRequest<?> request, SegmentsException e) {
        return problem(HttpStatus.BAD_REQUEST, "This request cannot be answered", e.getMessage());
    }

    @Error(exception = RuntimeException.class)
    HttpResponse<ModelAndView<Map<String, Object>>> failed(HttpRequest<?> request, RuntimeException e) {
        LOG.error("console page {} failed", request.getPath(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server",
                "The page could not be made. The server's log has the details; try again, or go back to the overview.");
    }
}
