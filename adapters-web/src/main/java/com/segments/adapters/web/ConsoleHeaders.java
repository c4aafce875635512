package com.segments.adapters.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The console's pages and assets declare what they may load: scripts, styles and data from this server only, no
 * inline script or style, no framing. Every page is built to work under this policy, and the browser tests run
 * under it, so a page that would break a strict policy fails its test.
 */
@ServerFilter({"/console", "/console/**", "/assets/**"})
public class ConsoleHeaders {

    /** The console's Content-Security-Policy. */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    public void secure(MutableHttpResponse<?> response) {
        response.getHeaders().set("Content-Security-Policy", POLICY);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
    }
}
