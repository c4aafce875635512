package com.segments.domain.access;

import com.segments.domain.SegmentsException;

/** No working key has that name. */
public final class UnknownKeyException extends SegmentsException {
    public UnknownKeyException(String name) {
        super("no working key is named '" + name + "'; `segments keys list` (or GET /api/v1/keys) shows them");
    }
}
