package com.segments.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * @param status             UP when the service can answer predictions, DOWN otherwise
 * @param database           UP or DOWN
 * @param activeModelVersion the version predictions use, if any
 */
@Serdeable
public record HealthResponse(String status, String database, @Nullable Integer activeModelVersion) {
}
