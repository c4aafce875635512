package com.segments.adapters.rest;

import com.segments.application.Moments;
import com.segments.application.RecordTransactions;
import com.segments.application.RescoreCustomers;
import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-time door (issue 16): transactions in, each customer's profile and segment kept current, and the history
 * of segment moves out. Posting is a write: it needs the API key like every other change.
 */
@Controller("/api/v1")
public class TransactionsController {

    private static final int MAX_MOVES = 10_000;

    private final RecordTransactions record;
    private final RescoreCustomers rescore;
    private final int maxBatch;
    private final Clock clock = Clock.systemUTC();

    TransactionsController(RecordTransactions record, RescoreCustomers rescore,
                           @Value("${segments.api.max-batch:10000}") int maxBatch) {
        this.record = record;
        this.rescore = rescore;
        this.maxBatch = maxBatch;
    }

    /**
     * How far the background re-scoring of stored customers by the active version has come: customers with a
     * segment, how many have the active version's, how many remain.
     */
    @Get(uri = "/customers/rescore", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public RescoreResponse rescoreProgress() {
        RescoreCustomers.Progress p = rescore.progress();
        return new RescoreResponse(p.version(), p.scored(), p.current(), p.remaining(), p.done(), p.note());
    }

    /** Progress of re-scoring; {@code note} says why nothing is re-scored when nothing can be. */
    @Serdeable
    public record RescoreResponse(@Nullable Integer activeVersion, long scored, long current, long remaining,
                                  boolean done, @Nullable String note) {
    }

    /**
     * One transaction (a JSON object) or many (a JSON array), each with the fields
     * {@link RecordTransactions#FIELDS}. Every transaction is checked before any is stored.
     */
    @Post(uri = "/transactions", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<TransactionResponse> postJson(@Nullable @Body String body) {
        Object value = StrictJson.read(body);
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(object(list.get(i), "item " + i));
            }
        } else {
            items.add(object(value, "the body"));
        }
        return answer(items);
    }

    /** Newline-delimited JSON: one transaction object per line (blank lines are skipped). */
    @Post(uri = "/transactions", consumes = "application/x-ndjson", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<TransactionResponse> postNdjson(@Nullable @Body String body) {
        if (body == null || body.isBlank()) {
            throw new StrictJson.NotStrictJson("the body is empty; send one JSON object per line", null);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            try {
                items.add(object(StrictJson.read(lines[n]), "line " + (n + 1)));
            } catch (StrictJson.NotStrictJson e) {
                throw new StrictJson.NotStrictJson("line " + (n + 1) + ": " + e.getMessage(), e.field());
            }
        }
        return answer(items);
    }

    /** CSV with a header naming the fields, one transaction per row; {@code delimiter} as for predict. */
    @Post(uri = "/transactions", consumes = {"text/csv", "application/csv"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<TransactionResponse> postCsv(@Body InputStream body, @Nullable @QueryValue String delimiter) {
        char separator = delimiter == null ? ',' : PredictController.Delimiter.parse(delimiter);
        return record.recordCsv(body, "upload", separator, maxBatch).stream().map(TransactionResponse::of).toList();
    }

    private List<TransactionResponse> answer(List<Map<String, Object>> items) {
        if (items.isEmpty()) {
            throw new SegmentsException("no transaction was sent; send one JSON object or an array of them");
        }
        if (items.size() > maxBatch) {
            throw new PredictController.BatchTooLarge(items.size(), maxBatch);
        }
        return record.record(items).stream().map(TransactionResponse::of).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new StrictJson.NotStrictJson(what + " must be a transaction object {\"transaction_id\": ..., "
                    + "\"customer_id\": ..., \"date\": \"2026-03-01\", \"amount\": 12.5, ...}, not "
                    + StrictJson.describe(value), null);
        }
        return (Map<String, Object>) map;
    }

    /** A customer's current profile (recency to the latest stored day), segment, version and last change. */
    @Get(uri = "/customers/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CustomerResponse customer(@PathVariable String id) {
        return CustomerResponse.of(record.customer(id));
    }

    /**
     * Customers who moved into a segment since a time, oldest first.
     *
     * @param id    the segment's id, or its name in the active model
     * @param since an ISO date ({@code 2026-03-01}, midnight UTC) or instant; 7 days ago when absent
     */
    @Get(uri = "/segments/{id}/moves", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<MoveResponse> moves(@PathVariable String id, @Nullable @QueryValue String since,
                                    @Nullable @QueryValue Integer limit) {
        int max = limit == null ? 1_000 : limit;
        if (max < 1 || max > MAX_MOVES) {
            throw new FieldValidationException("limit", "must be between 1 and " + MAX_MOVES + ", got " + max);
        }
        return record.moves(since(since), id, max).stream().map(MoveResponse::of).toList();
    }

    private Instant since(String text) {
        if (text == null || text.isBlank()) {
            return clock.instant().minus(Duration.ofDays(7));
        }
        return Moments.parse("since", text);
    }

    /** What recording one transaction gave; see {@link RecordTransactions.Answer}. */
    @Serdeable
    public record TransactionResponse(String transactionId, String customerId, boolean duplicate,
                                      @Nullable String excluded, @Nullable Integer segment, @Nullable String segmentName,
                                      List<String> offers, @Nullable Integer modelVersion, boolean changed,
                                      @Nullable Integer previousSegment, @Nullable String previousSegmentName,
                                      @Nullable String asOf) {
        static TransactionResponse of(RecordTransactions.Answer a) {
            return new TransactionResponse(a.transactionId(), a.customer(), a.duplicate(), a.excluded(), a.segment(),
                    a.name(), a.offers(), a.version(), a.changed(), a.previous(), a.previousName(),
                    a.asOf() == null ? null : a.asOf().toString());
        }
    }

    /** A customer as stored; {@code profile} holds the numeric columns, {@code groups} bank and location. */
    @Serdeable
    public record CustomerResponse(String customerId, String asOf, Map<String, Double> profile,
                                   Map<String, String> groups, @Nullable Integer segment, @Nullable String segmentName,
                                   List<String> offers, @Nullable Integer modelVersion, @Nullable String segmentAsOf,
                                   @Nullable String changedAt, String updatedAt) {
        static CustomerResponse of(RecordTransactions.Customer c) {
            Map<String, Double> numbers = new LinkedHashMap<>();
            Map<String, String> groups = new LinkedHashMap<>();
            c.profile().forEach((name, value) -> {
                if (value instanceof Double d) {
                    numbers.put(name, d);
                } else if (value != null) {
                    groups.put(name, value.toString());
                }
            });
            return new CustomerResponse(c.customer(), c.asOf().toString(), numbers, groups, c.segment(), c.name(),
                    c.offers(), c.version(), c.segmentAsOf() == null ? null : c.segmentAsOf().toString(),
                    c.changedAt() == null ? null : c.changedAt().toString(), c.updatedAt().toString());
        }
    }

    /** A recorded move; {@code cause} is {@code transaction} or {@code model}. */
    @Serdeable
    public record MoveResponse(String customerId, @Nullable Integer from, @Nullable String fromName, int to,
                               @Nullable String toName, int modelVersion, String at, String cause) {
        static MoveResponse of(RecordTransactions.Move m) {
            return new MoveResponse(m.customer(), m.from(), m.fromName(), m.to(), m.toName(), m.version(),
                    m.at().toString(), m.cause());
        }
    }
}
