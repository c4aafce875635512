package com.segments.domain;

/**
 * A failure a user can cause and fix: a bad file, a bad request, an unknown model. Its message is meant to be
 * shown as it is, in one line, and says what is wrong and where.
 */
public class SegmentsException extends RuntimeException {

    public SegmentsException(String message) {
        super(message);
    }

    public SegmentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
