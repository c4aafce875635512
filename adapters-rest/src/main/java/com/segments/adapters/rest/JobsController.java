package com.segments.adapters.rest;

import com.segments.application.RetrainModel;
import com.segments.domain.TextLimits;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.job.TrainingJob;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Retraining in the background: a request is answered at once with a job to follow; the training itself runs on
 * the training workers, never on the HTTP threads.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JobsController {

    private final RetrainModel retrainModel;

    JobsController(RetrainModel retrainModel) {
        this.retrainModel = retrainModel;
    }

    /**
     * @param data       a CSV file under the server's data directory
     * @param algorithm  plugin id (default kmeans)
     * @param parameters plugin parameters
     * @param seed       seed (default 42)
     * @param delimiter  field separator, detected when absent
     */
    @Serdeable
    public record RetrainRequest(String data, @Nullable String algorithm, @Nullable Map<String, Integer> parameters,
                                 @Nullable Long seed, @Nullable String delimiter, @Nullable String features,
                                 @Nullable Boolean transactions) {
    }

    @Serdeable
    public record JobResponse(String id, String state, double progress, @Nullable String stage, String source,
                              String algorithm, Map<String, Integer> parameters, long seed, Instant createdAt,
                              @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Double seconds,
                              @Nullable Integer version, @Nullable String error) {
        static JobResponse of(TrainingJob job) {
            Double seconds = job.startedAt() == null ? null : Duration.between(job.startedAt(),
                    job.finishedAt() == null ? Instant.now() : job.finishedAt()).toMillis() / 1000.0;
            return new JobResponse(job.id(), job.state().name(), job.progress(), job.stage(), job.source(),
                    job.algorithm(), job.parameters(), job.seed(), job.createdAt(), job.startedAt(), job.finishedAt(),
                    seconds, job.version(), job.error());
        }
    }

    private static final java.util.Set<String> RETRAIN_FIELDS = java.util.Set.of("data", "algorithm", "parameters",
            "seed", "delimiter", "features", "transactions");

    /**
     * Queues a retraining after checking the whole request: the body as {@link RetrainRequest} read strictly (no
     * coercion, no unknown fields), then the files, algorithm, parameters and feature spec by the use case.
     */
    @Post(uri = "/retrain", consumes = io.micronaut.http.MediaType.APPLICATION_JSON)
    public HttpResponse<JobResponse> retrain(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RetrainRequest.class)))
            @Nullable @Body String body) {
        StrictJson.Fields fields = StrictJson.object(body, "one JSON object, {\"data\": \"FILE\", ...}").only(RETRAIN_FIELDS);
        String data = fields.text("data", TextLimits.FILE_NAME);
        if (data == null || data.isBlank()) {
            throw new FieldValidationException("data", "is missing: name the CSV file under the data directory");
        }
        String delimiterText = fields.text("delimiter", 3);
        Character delimiter = delimiterText == null || delimiterText.isEmpty() ? null
                : PredictController.Delimiter.parse(delimiterText);
        Long seed = fields.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        TrainingJob job = retrainModel.submit(new RetrainModel.Command(data, delimiter,
                fields.text("algorithm", TextLimits.ID), fields.integers("parameters", 32, TextLimits.ID),
                seed == null ? 42L : seed, fields.text("features", TextLimits.FILE_NAME),
                Boolean.TRUE.equals(fields.bool("transactions"))));
        return HttpResponse.<JobResponse>status(HttpStatus.ACCEPTED).body(JobResponse.of(job))
                .headers(headers -> headers.location(URI.create("/api/v1/jobs/" + job.id())));
    }

    @Get("/jobs")
    public List<JobResponse> jobs() {
        return retrainModel.recent(50).stream().map(JobResponse::of).toList();
    }

    @Get("/jobs/{id}")
    public JobResponse job(@PathVariable String id) {
        return JobResponse.of(retrainModel.find(jobId(id)));
    }

    @Delete("/jobs/{id}")
    public HttpResponse<JobResponse> cancel(@PathVariable String id) {
        return HttpResponse.<JobResponse>status(HttpStatus.ACCEPTED).body(JobResponse.of(retrainModel.cancel(jobId(id))));
    }

    /** Job ids are UUIDs: letters, digits and dashes, at most {@link TextLimits#ID} long. */
    private static String jobId(String id) {
        if (id.isEmpty() || id.length() > TextLimits.ID || !id.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '-'))) {
            throw new FieldValidationException("id", "\"" + TextLimits.echo(id) + "\" is not a job id; GET /api/v1/jobs lists them");
        }
        return id;
    }
}
