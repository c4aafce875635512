package com.segments.domain.cluster;

import com.segments.domain.SegmentsException;

/** Thrown by a plugin that saw its {@link FitContext} cancelled; nothing it computed is kept. */
public final class FitCancelledException extends SegmentsException {

    public FitCancelledException() {
        super("the fit was cancelled");
    }
}
