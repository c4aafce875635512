package com.segments.domain.cluster;

/**
 * The answer for one customer.
 *
 * @param segment    segment id
 * @param distance   Euclidean distance to the segment's centre, in the preprocessed space
 * @param confidence in [0, 1]: 0 when the customer is as close to another segment, towards 1 when the assigned
 *                   segment is much nearer than any other
 * @param outlier    farther from its centre than nearly all (99%) of the segment's training members were
 */
public record Assignment(int segment, double distance, double confidence, boolean outlier) {
}
