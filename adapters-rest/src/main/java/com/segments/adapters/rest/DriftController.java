package com.segments.adapters.rest;

import com.segments.application.LiveDrift;
import com.segments.application.MeasureDrift;
import com.segments.application.ModelLookup;
import com.segments.application.RetrainTriggers;
import com.segments.application.ModelReference;
import com.segments.domain.drift.DriftThresholds;
import com.segments.domain.model.ModelVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.InputStream;

/** Drift of an uploaded batch against a version's training data: {@code segments drift} over HTTP. */
@Controller("/api/v1")
public class DriftController {

    private final MeasureDrift measureDrift;
    private final LiveDrift liveDrift;
    private final ModelLookup lookup;
    private final ServerMetrics metrics;
    private final RetrainTriggers triggers;

    DriftController(MeasureDrift measureDrift, LiveDrift liveDrift, ModelLookup lookup, ServerMetrics metrics,
                    RetrainTriggers triggers) {
        this.measureDrift = measureDrift;
        this.liveDrift = liveDrift;
        this.lookup = lookup;
        this.metrics = metrics;
        this.triggers = triggers;
    }

    /**
     * What predict has seen lately (the last {@code segments.drift.live-window} to twice as many predictions of the
     * version, counted in fixed memory, no customer's values kept) against the version's training data: PSI, missing
     * shares and segment shares; the distribution tests need values and are left out.
     *
     * @param model a version or alias; the active model when absent
     */
    @Get(uri = "/drift/live", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public DriftResponse live(@Nullable @QueryValue String model) {
        ModelVersion version = lookup.resolve(ModelReference.parse(model));
        MeasureDrift.Result result = liveDrift.report(version);
        metrics.drifted(result.report());
        return DriftResponse.of(result);
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
        triggers.afterDrift(result.report(), "an uploaded batch");
        return DriftResponse.of(result);
    }
}
