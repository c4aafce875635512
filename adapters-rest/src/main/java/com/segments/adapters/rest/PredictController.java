package com.segments.adapters.rest;

import com.segments.application.ModelReference;
import com.segments.application.PredictSegment;
import com.segments.application.ScoreBatch;
import com.segments.application.ScoreReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import com.segments.domain.SegmentsException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Predicts the segment of one customer given as a flat JSON object of raw fields. */
@Controller("/api/v1")
public class PredictController {

    private final PredictSegment predictSegment;
    private final ScoreBatch scoreBatch;
    private final int maxBatch;
    private final ServerMetrics metrics;

    PredictController(PredictSegment predictSegment, ScoreBatch scoreBatch,
                      @Value("${segments.api.max-batch:10000}") int maxBatch, ServerMetrics metrics) {
        this.predictSegment = predictSegment;
        this.scoreBatch = scoreBatch;
        this.maxBatch = maxBatch;
        this.metrics = metrics;
    }

    /**
     * @param body    the customer's raw fields: every feature of the model (null for an unknown value, imputed as at
     *                training), optionally the id field; nothing else
     * @param model   a model version or alias ({@code champion}); the active model when absent
     * @param version a model version (the older spelling of {@code model})
     */
    @Post(uri = "/predict", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING) // the first request for a version or alias reads it from the database
    public PredictionResponse predict(@Nullable @Body String body, @Nullable @QueryValue String model,
                                      @Nullable @QueryValue String version) {
        ModelReference reference = version != null
                ? new ModelReference(com.segments.domain.TextLimits.version("version", version), null)
                : ModelReference.parse(model);
        long started = System.nanoTime();
        com.segments.application.Prediction prediction = predictSegment.predict(new PredictSegment.Command(
                fields(StrictJson.read(body), ""), reference));
        metrics.predicted(List.of(prediction), "rest", java.time.Duration.ofNanos(System.nanoTime() - started));
        return PredictionResponse.of(prediction);
    }

    /**
     * Many customers in one request, answered by one model version.
     *
     * @param body a JSON array of customer objects, at most {@code segments.api.max-batch} (default 10,000)
     */
    @Post(uri = "/predict/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<PredictionResponse> predictBatch(@Nullable @Body String body, @Nullable @QueryValue String model) {
        if (!(StrictJson.read(body) instanceof List<?> items)) {
            throw new SegmentsException("the body must be a JSON array of customer objects, [{\"FIELD\": value, ...}, ...]");
        }
        if (items.size() > maxBatch) {
            throw new BatchTooLarge(items.size(), maxBatch);
        }
        List<Map<String, Object>> customers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            customers.add(fields(items.get(i), "[" + i + "]."));
        }
        long started = System.nanoTime();
        List<com.segments.application.Prediction> predictions = predictSegment.predictAll(customers,
                ModelReference.parse(model));
        metrics.predicted(predictions, "rest_batch", java.time.Duration.ofNanos(System.nanoTime() - started));
        return predictions.stream().map(PredictionResponse::of).toList();
    }

    /**
     * Scores an uploaded CSV (a header, then one customer per row, as a customer table or the profiles written by
     * {@code segments profiles}): the body is parsed as it arrives, never held whole; the answer is CSV, one line per
     * row ({@code id,segment,distance,confidence,outlier}), sent once every row is scored, with the version in the
     * {@code X-Model-Version} header. A bad row answers 400 naming its row and column, and nothing else.
     */
    @Post(uri = "/predict/batch", consumes = {"text/csv", "application/csv"}, produces = "text/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<StreamedFile> predictCsv(@Body InputStream body, @Nullable @QueryValue String model,
                                                 @Nullable @QueryValue String delimiter) throws IOException {
        Path scores = Files.createTempFile("segments-upload-", ".csv");
        try {
            ScoreReport report = scoreBatch.scoreUpload(body, "upload", delimiter == null ? null
                    : Delimiter.parse(delimiter), scores, ModelReference.parse(model));
            metrics.scored(report.modelVersion(), report.rows());
            InputStream out = Files.newInputStream(scores);
            return HttpResponse.ok(new StreamedFile(out, new MediaType("text/csv"), Instant.now().toEpochMilli(),
                    Files.size(scores))).header("X-Model-Version", Integer.toString(report.modelVersion()))
                    .header("X-Rows", Long.toString(report.rows()));
        } finally {
            Files.deleteIfExists(scores); // the open stream keeps the bytes until it is read
        }
    }

    /** The {@code delimiter} query parameter: one character, or {@code tab}. */
    static final class Delimiter {
        static char parse(String text) {
            if (text.equals("tab") || text.equals("\\t")) {
                return '\t';
            }
            if (text.length() != 1) {
                throw new com.segments.domain.feature.FieldValidationException("delimiter",
                        "delimiter must be one character or 'tab', got \"" + text + "\"");
            }
            return text.charAt(0);
        }
    }

    /** A batch over the configured limit. */
    static final class BatchTooLarge extends SegmentsException {
        BatchTooLarge(int size, int limit) {
            super("a batch holds at most " + limit + " customers, this one has " + size + "; split it, or score a file with "
                    + "'segments score'");
        }
    }

    /**
     * The body's fields as plain Java values. Bound as a tree rather than a {@code Map} because binding to a map
     * drops explicit nulls, and null is how a client says "value unknown, impute it".
     */
    private static Map<String, Object> fields(Object body, String at) {
        if (!(body instanceof Map<?, ?> members)) {
            throw new SegmentsException("the body must be one JSON object of the customer's fields, {\"FIELD\": value, ...}"
                    + (at.isEmpty() ? "" : "; item " + at.substring(0, at.length() - 1) + " is " + StrictJson.describe(body)));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : members.entrySet()) {
            String name = (String) entry.getKey();
            com.segments.domain.TextLimits.line(at + "(a field name)", name, MAX_NAME);
            Object value = entry.getValue();
            fields.put(name, switch (value) {
                case null -> null;
                case String text -> com.segments.domain.TextLimits.line(at + name, text, MAX_TEXT);
                case Long n when Math.abs(n) <= MAX_MAGNITUDE -> n;
                case Double d when Math.abs(d) <= MAX_MAGNITUDE -> d;
                case Number n -> throw new com.segments.domain.feature.FieldValidationException(at + name,
                        "is out of range: customer numbers must lie within +/-1e15, got " + n);
                default -> new Shape(StrictJson.describe(value));
            });
        }
        return fields;
    }

    /**
     * The largest magnitude of a customer's number: far above any amount or count a bank has, far below where a
     * squared distance overflows to infinity.
     */
    static final double MAX_MAGNITUDE = 1e15;
    /** The longest text value of a customer field (a category level, a date, an id). */
    static final int MAX_TEXT = 1_000;
    /** The longest field name. */
    static final int MAX_NAME = 256;

    /** A JSON value that can never be a feature value; named in the error message. */
    private record Shape(String description) {
        @Override
        public String toString() {
            return description;
        }
    }
}
