package com.segments.domain.cluster;

/**
 * How a preprocessed customer vector is given a segment. Implementations are plain numbers (stored as JSON with
 * the model) and run without any clustering library.
 */
public sealed interface AssignmentRule permits NearestCentroidRule, NearestExemplarRule {

    int segmentCount();

    int dimensions();

    /** Assigns one preprocessed vector. Allocates only the result. */
    Assignment assign(double[] vector);

    /** The segment (or {@link Assignment#NOISE}) of every row of a flat row-major array. */
    int[] labelAll(double[] rows);
}
