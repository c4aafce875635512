package com.segments.domain.model;

import com.segments.domain.SegmentsException;

/** A model version was asked for that does not exist. */
public class UnknownModelException extends SegmentsException {

    private final int version;

    public UnknownModelException(int version) {
        super("model version " + version + " does not exist; list the versions with 'segments models'");
        this.version = version;
    }

    public int version() {
        return version;
    }
}
