package com.segments.domain.cluster;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a fit gets besides the data and its parameters: optional sample weights and a way to learn that whoever
 * asked for the fit no longer wants it. Plugins check {@link #checkCancelled()} between iterations and restarts,
 * so a cancelled training job stops within one iteration instead of running to the end.
 *
 * @param weights   one non-negative, finite weight per row (a customer counted by its weight in centres and
 *                  inertia), or {@code null} for equal weights
 * @param cancelled true once the fit should stop; polled, so it must be cheap
 */
public record FitContext(double[] weights, BooleanSupplier cancelled) {

    /** No weights, never cancelled. */
    public static final FitContext NONE = new FitContext(null, () -> false);

    public FitContext {
        Objects.requireNonNull(cancelled, "cancelled");
        if (weights != null) {
            for (int i = 0; i < weights.length; i++) {
                double w = weights[i];
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException("weight of row " + (i + 1) + " must be finite and >= 0, got " + w);
                }
            }
        }
    }

    /** A context that only carries cancellation. */
    public static FitContext cancellable(BooleanSupplier cancelled) {
        return new FitContext(null, cancelled);
    }

    public boolean weighted() {
        return weights != null;
    }

    /** @throws FitCancelledException when the fit should stop */
    public void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new FitCancelledException();
        }
    }
}
