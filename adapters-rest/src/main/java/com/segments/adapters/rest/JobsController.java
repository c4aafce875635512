package com.segments.adapters.rest;

import com.segments.application.RetrainModel;
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

    @Post("/retrain")
    public HttpResponse<JobResponse> retrain(@Body RetrainRequest request) {
        Character delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null
                : "tab".equals(request.delimiter()) ? Character.valueOf('\t') : Character.valueOf(request.delimiter().charAt(0));
        TrainingJob job = retrainModel.submit(new RetrainModel.Command(request.data(), delimiter, request.algorithm(),
                request.parameters(), request.seed() == null ? 42L : request.seed(), request.features(),
                Boolean.TRUE.equals(request.transactions())));
        return HttpResponse.<JobResponse>status(HttpStatus.ACCEPTED).body(JobResponse.of(job))
                .headers(headers -> headers.location(URI.create("/api/v1/jobs/" + job.id())));
    }

    @Get("/jobs")
    public List<JobResponse> jobs() {
        return retrainModel.recent(50).stream().map(JobResponse::of).toList();
    }

    @Get("/jobs/{id}")
    public JobResponse job(@PathVariable String id) {
        return JobResponse.of(retrainModel.find(id));
    }

    @Delete("/jobs/{id}")
    public HttpResponse<JobResponse> cancel(@PathVariable String id) {
        return HttpResponse.<JobResponse>status(HttpStatus.ACCEPTED).body(JobResponse.of(retrainModel.cancel(id)));
    }
}
