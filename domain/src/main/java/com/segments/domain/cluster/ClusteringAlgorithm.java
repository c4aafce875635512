package com.segments.domain.cluster;

import com.segments.domain.feature.DataMatrix;

/**
 * The port every clustering plugin implements. A plugin fits on the preprocessed matrix and answers with plain
 * domain values (labels and an {@link AssignmentRule}), so nothing downstream (scoring, storage, the doors)
 * ever touches the library that did the fitting.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: one class plus one line in
 * {@code META-INF/services/com.segments.domain.cluster.ClusteringAlgorithm}.
 */
public interface ClusteringAlgorithm {

    /** Stable id, the parameters it accepts and their bounds. */
    AlgorithmDescriptor descriptor();

    /**
     * Fits on {@code data} (rows are customers, already preprocessed).
     *
     * @param parameters resolved against {@link #descriptor()}: every parameter present and within its bounds
     * @param seed       the only source of randomness; the same seed gives the same result on every run
     * @throws com.segments.domain.SegmentsException when the data cannot be clustered with these parameters
     *                                               (too few rows for k, say), with a message naming why
     */
    ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed);

    /**
     * Fits with weights and cancellation. Plugins that support either override this; the default refuses weights
     * and checks cancellation once before fitting.
     *
     * @throws FitCancelledException when {@code context} is cancelled
     * @throws com.segments.domain.SegmentsException when weights are given to a plugin that cannot use them
     */
    default ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
        if (context.weighted()) {
            if (!supportsWeights()) {
                throw new com.segments.domain.SegmentsException("algorithm '" + id() + "' does not take sample weights");
            }
            if (context.weights().length != data.rows()) {
                throw new com.segments.domain.SegmentsException(context.weights().length + " weights for " + data.rows()
                        + " rows");
            }
        }
        context.checkCancelled();
        return fit(data, parameters, seed);
    }

    /** Whether {@link #fit(DataMatrix, AlgorithmParameters, long, FitContext)} uses sample weights. */
    default boolean supportsWeights() {
        return false;
    }

    default String id() {
        return descriptor().id();
    }
}
