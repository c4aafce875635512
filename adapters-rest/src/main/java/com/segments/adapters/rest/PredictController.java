package com.segments.adapters.rest;

import com.segments.application.PredictSegment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.OptionalInt;

/** Predicts the segment of one customer given as a flat JSON object of raw fields. */
@Controller("/api/v1")
public class PredictController {

    private final PredictSegment predictSegment;

    PredictController(PredictSegment predictSegment) {
        this.predictSegment = predictSegment;
    }

    /**
     * @param fields  the customer's raw fields: every feature of the model (null for an unknown value, imputed as at
     *                training), optionally the id field; nothing else
     * @param version a model version; the active one when absent
     */
    @Post(uri = "/predict", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING) // the first request for a version reads it from the database
    public PredictionResponse predict(@Body Map<String, Object> fields, @Nullable @QueryValue Integer version) {
        OptionalInt wanted = version == null ? OptionalInt.empty() : OptionalInt.of(version);
        return PredictionResponse.of(predictSegment.predict(new PredictSegment.Command(fields, wanted)));
    }
}
