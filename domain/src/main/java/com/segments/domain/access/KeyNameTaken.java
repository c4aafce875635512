package com.segments.domain.access;

import com.segments.domain.SegmentsException;

/** A key name that is already taken: names are never reused, revoked keys' included, so the audit always means one key. */
public final class KeyNameTaken extends SegmentsException {
    public KeyNameTaken(String name) {
        super("a key named '" + name + "' exists already (names are never reused, so the audit always means one "
                + "key); choose another name");
    }
}
