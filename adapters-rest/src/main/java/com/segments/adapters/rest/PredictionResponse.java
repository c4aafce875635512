package com.segments.adapters.rest;

import com.segments.application.Prediction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a predict request.
 *
 * @param modelVersion the model version that produced it
 * @param customerId   echo of the request's id field, when it had one
 * @param segment      segment id, or -1 when no segment claims the customer (see {@code noise})
 * @param noise        true when the customer belongs to no segment (density-based models)
 * @param distance     distance to the segment's centre in the model's preprocessed space
 * @param confidence   0 (as close to another segment) to 1 (clearly this one)
 * @param outlier      farther from the centre than 99% of the segment's training members
 * @param segmentName  what the segment is called ("Premium High Spenders"); absent for noise
 * @param offers       the segment's offers / next best actions
 */
@Serdeable
public record PredictionResponse(int modelVersion, @Nullable String customerId, int segment, boolean noise,
                                 double distance, double confidence, boolean outlier, @Nullable String segmentName,
                                 java.util.List<String> offers) {

    static PredictionResponse of(Prediction prediction) {
        return new PredictionResponse(prediction.modelVersion(), prediction.customerId(),
                prediction.assignment().segment(), prediction.assignment().isNoise(), prediction.assignment().distance(),
                prediction.assignment().confidence(), prediction.assignment().outlier(), prediction.segmentName(),
                prediction.offers());
    }
}
