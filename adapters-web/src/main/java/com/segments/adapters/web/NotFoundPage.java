package com.segments.adapters.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * The console's way in, and its page for an address it does not have. Any path under {@code /console/} that no page
 * claims lands here (a route matches more specific templates first), so a mistyped address shows a page, while the
 * REST door's unknown paths keep their JSON answer.
 */
@Controller
class NotFoundPage extends ConsolePage {

    @Get("/")
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/console"));
    }

    @Get("/console/{+path}")
    HttpResponse<ModelAndView<Map<String, Object>>> unknown(@PathVariable String path) {
        return problem(HttpStatus.NOT_FOUND, "Page not found", "The console has no page at this address. "
                + "The links at the top lead to every page.");
    }
}
