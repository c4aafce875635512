package com.segments.adapters.rest;

import com.segments.application.MeasureDrift;
import com.segments.application.ModelReference;
import com.segments.domain.drift.DriftThresholds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.InputStream;

/** Drift of an uploaded batch against a version's training data: {@code segments drift} over HTTP. */
@Controller("/api/v1")
public class DriftController {

    private final MeasureDrift measureDrift;
    private final ServerMetrics metrics;

    DriftController(MeasureDrift measureDrift, ServerMetrics metrics) {
        this.measureDrift = measureDrift;
        this.metrics = metrics;
    }

    /**
     * @param body      customers as CSV (the columns the model reads; others are listed as unused), parsed as it
     *                  arrives
     * @param model     a version or alias; the active model when absent
     * @param delimiter one character or {@code tab}; detected when absent
     */
    @Post(uri = "/drift", consumes = {"text/csv", "application/csv"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public DriftResponse drift(@Body InputStream body, @Nullable @QueryValue String model,
                               @Nullable @QueryValue String delimiter) {
        MeasureDrift.Result result = measureDrift.measureUpload(body, "upload", delimiter == null ? null
                : PredictController.Delimiter.parse(delimiter), ModelReference.parse(model), DriftThresholds.DEFAULTS);
        metrics.drifted(result.report());
        return DriftResponse.of(result);
    }
}
