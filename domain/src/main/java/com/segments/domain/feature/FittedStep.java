package com.segments.domain.feature;

/**
 * One learned transformation of a raw feature vector. Each step is plain numbers, fitted once on training data
 * and applied unchanged at prediction time, so that prediction sees exactly what training saw.
 */
public sealed interface FittedStep permits MedianImputation, Standardisation {

    /** Number of features this step reads and writes. */
    int width();

    /** Transforms {@code row} (length {@link #width()}) in place; allocates nothing. */
    void applyInPlace(double[] row);
}
