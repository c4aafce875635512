package com.segments.application;

import com.segments.domain.cluster.Assignment;

import java.util.List;

/**
 * @param modelVersion the version that produced the answer
 * @param customerId   the id field of the request, if it had one
 * @param assignment   segment, distance, confidence and outlier flag
 * @param segmentName  what the segment is called (null for noise, or a version without names)
 * @param offers       the segment's offers / next best actions
 */
public record Prediction(int modelVersion, String customerId, Assignment assignment, String segmentName,
                         List<String> offers) {

    public Prediction {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public Prediction(int modelVersion, String customerId, Assignment assignment) {
        this(modelVersion, customerId, assignment, null, List.of());
    }
}
