package com.segments.application;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Predict the segment of one customer.
 *
 * @param fields  the customer's raw fields by name (numbers, numeric strings, or null for unknown)
 * @param version a model version, or empty for the active one
 */
public record PredictCommand(Map<String, ?> fields, OptionalInt version) {

    public PredictCommand {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(version, "version");
    }
}
