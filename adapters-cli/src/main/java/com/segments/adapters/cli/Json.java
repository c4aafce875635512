package com.segments.adapters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Machine-readable output for {@code --json}: one JSON document on stdout. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output could not be written as JSON", e);
        }
    }

    private static final ObjectMapper LINES = JsonMapper.builder().build();

    /** One JSON document on one line, for output that is read line by line (NDJSON). */
    static String line(Object value) {
        try {
            return LINES.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output could not be written as JSON", e);
        }
    }
}
