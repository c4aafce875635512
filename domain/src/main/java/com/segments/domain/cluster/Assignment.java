package com.segments.domain.cluster;

/**
 * The answer for one customer.
 *
 * @param segment    segment id, or {@link #NOISE} when the customer belongs to no segment (density-based models)
 * @param distance   Euclidean distance to the segment's centre or exemplar, in the preprocessed space
 * @param confidence in [0, 1]: 0 when the customer is as close to another segment, towards 1 when the assigned
 *                   segment is much nearer than any other; 0 for noise
 * @param outlier    farther from its segment than nearly all of the segment's training members were (always true
 *                   for noise)
 */
public record Assignment(int segment, double distance, double confidence, boolean outlier) {

    /** The segment id of a customer no segment claims. */
    public static final int NOISE = -1;

    public boolean isNoise() {
        return segment == NOISE;
    }
}
