package com.segments.domain.score;

import com.segments.domain.SegmentsException;

/** A model, or one step of it, that cannot be written as SQL; the message names the part and says why. */
public class NotExpressibleException extends SegmentsException {

    public NotExpressibleException(String message) {
        super(message);
    }
}
