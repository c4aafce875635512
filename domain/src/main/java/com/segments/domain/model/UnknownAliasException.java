package com.segments.domain.model;

import com.segments.domain.SegmentsException;

/** A model was asked for by an alias that points at no version. */
public class UnknownAliasException extends SegmentsException {

    private final String alias;

    public UnknownAliasException(String alias) {
        super("no model has the alias '" + alias + "'; set one with: segments models alias " + alias + " VERSION");
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
