package com.segments.adapters.web;

import com.segments.application.ComparisonJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Instant;
import java.util.List;


/**
 * Comparisons of algorithms started over HTTP and followed like training jobs. Under {@code /api/v1}, so that the
 * API key guards starting and cancelling one as it guards every other change; the console's Compare page is its
 * first client. (It lives here because the console brought it; it belongs beside the REST door's other routes.)
 */
@Controller("/api/v1/comparisons")
@ExecuteOn(TaskExecutors.BLOCKING)
class ComparisonsController {

    private final ComparisonJobs comparisons;

    ComparisonsController(ComparisonJobs comparisons) {
        this.comparisons = comparisons;
    }

    /**
     * @param data            a CSV customer table under the server's data directory
     * @param algorithms      plugin ids (default kmeans)
     * @param k               "FROM..TO" or one k (default 2..8)
     * @param minClusterSizes HDBSCAN minimum cluster sizes (default 50)
     * @param bootstrap       refits per configuration for stability (default 10; 0 skips it)
     */
    @Serdeable
    record ComparisonRequest(String data, @Nullable List<String> algorithms, @Nullable String k,
                             @Nullable List<Integer> minClusterSizes, @Nullable Integer bootstrap, @Nullable Long seed) {
    }

    @Serdeable
    record ComparisonResponse(String id, String state, double progress, String stage, String source, Instant createdAt,
                              @Nullable Instant finishedAt, @Nullable String error, @Nullable String report) {
        static ComparisonResponse of(ComparisonJobs.Job job) {
            return new ComparisonResponse(job.id(), job.state().name(), job.progress(), job.stage(), job.source(),
                    job.createdAt(), job.finishedAt(), job.error(),
                    job.state() == ComparisonJobs.State.SUCCEEDED ? "/console/compare/" + job.id() : null);
        }
    }

    @Serdeable
    record Refusal(int status, String error, String message, @Nullable String field) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<ComparisonResponse> start(@Body ComparisonRequest request) {
        int[] k = range(request.k() == null ? "2..8" : request.k());
        ComparisonJobs.Job job = comparisons.submit(new ComparisonJobs.Request(request.data(), request.algorithms(), k[0],
                k[1], request.minClusterSizes(), request.bootstrap() == null ? 10 : request.bootstrap(),
                request.seed() == null ? 42L : request.seed()));
        return HttpResponse.<ComparisonResponse>status(HttpStatus.ACCEPTED).body(ComparisonResponse.of(job))
                .headers(headers -> headers.location(URI.create("/api/v1/comparisons/" + job.id())));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<ComparisonResponse> list() {
        return comparisons.recent().stream().map(ComparisonResponse::of).toList();
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    ComparisonResponse find(@PathVariable String id) {
        return ComparisonResponse.of(comparisons.find(id));
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<ComparisonResponse> cancel(@PathVariable String id) {
        return HttpResponse.<ComparisonResponse>status(HttpStatus.ACCEPTED).body(ComparisonResponse.of(comparisons.cancel(id)));
    }

    @Error(exception = ComparisonJobs.UnknownComparison.class)
    HttpResponse<Refusal> unknown(ComparisonJobs.UnknownComparison e) {
        return HttpResponse.<Refusal>status(HttpStatus.NOT_FOUND).body(new Refusal(404, "unknown_comparison", e.getMessage(), "id"));
    }

    @Error(exception = com.segments.domain.SegmentsException.class)
    HttpResponse<Refusal> refused(com.segments.domain.SegmentsException e) {
        return HttpResponse.<Refusal>status(HttpStatus.BAD_REQUEST).body(new Refusal(400, "invalid_request", e.getMessage(), null));
    }

    /** "2..8" or "4". */
    static int[] range(String text) {
        String[] parts = text.strip().split("\\.\\.", -1);
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new com.segments.domain.SegmentsException("k takes FROM..TO (2..8) or one k, got '" + text + "'");
        }
    }

}
