package com.segments.domain.model;

import com.segments.domain.SegmentsException;

/** Nothing can be predicted because no model has been trained and activated yet. */
public class NoActiveModelException extends SegmentsException {

    public NoActiveModelException() {
        super("no model is active yet; train one first: segments train --data FILE.csv [--k N]");
    }
}
