package com.segments.application;

import com.segments.domain.cluster.Assignment;

/**
 * @param modelVersion the version that produced the answer
 * @param customerId   the id field of the request, if it had one
 * @param assignment   segment, distance, confidence and outlier flag
 */
public record Prediction(int modelVersion, String customerId, Assignment assignment) {
}
