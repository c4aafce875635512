package com.segments.domain.model;

import java.util.Objects;

/**
 * What a model was trained on, so that a result can be traced back to its data.
 *
 * @param source where the data came from (a file name)
 * @param rows   rows used for training
 * @param sha256 hex SHA-256 of the source's bytes
 */
public record DataFingerprint(String source, long rows, String sha256) {

    public DataFingerprint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
    }
}
