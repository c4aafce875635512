package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;

/** A stored artifact that this version of Segments cannot read. */
class ArtifactFormatException extends SegmentsException {

    ArtifactFormatException(String message) {
        super(message);
    }

    ArtifactFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
