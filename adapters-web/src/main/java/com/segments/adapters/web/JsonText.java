package com.segments.adapters.web;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Values for a page's scripts, as JSON in a {@code data-} attribute: the template escapes it as any attribute, and
 * the browser hands it back unescaped, so the page needs no inline script (a strict Content-Security-Policy holds).
 */
@Singleton
class JsonText {

    private final JsonMapper mapper;

    JsonText(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
