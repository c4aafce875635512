package com.segments.domain.feature;

/**
 * One learned transformation of a feature vector. Each step is plain numbers, fitted once on training data and
 * applied unchanged at prediction time, so that prediction sees exactly what training saw. A step may change the
 * width of the vector (derived columns, one-hot encoding, principal components).
 */
public sealed interface FittedStep
        permits ValidRange, DerivedColumns, Imputation, Clipping, Log1p, OneHotEncoding, Standardisation,
        PrincipalComponents {

    /** Number of values this step reads. */
    int inputWidth();

    /** Number of values this step writes. */
    default int outputWidth() {
        return inputWidth();
    }

    /**
     * Transforms {@code row} (length {@link #inputWidth()}): in place, returning {@code row}, when the width does
     * not change; into a new array otherwise.
     */
    double[] apply(double[] row);
}
