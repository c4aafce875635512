package com.segments.application;

import com.segments.application.transactions.TransactionProfiles;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.RecordFiles;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.feature.LogLayout;
import com.segments.domain.transaction.TransactionFiles;
import com.segments.domain.transaction.TransactionStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is done with transaction logs besides training: load them into {@code fact_transactions}, write the
 * per-customer profiles, and fill {@code customer_segment} by scoring the stored customers.
 */
public final class TransactionsUseCases {

    private final TransactionStore store;
    private final ModelLookup lookup;
    private final DataReader reader;
    private final RecordFiles files;

    public TransactionsUseCases(TransactionStore store, ModelLookup lookup, DataReader reader, RecordFiles files) {
        this.store = store;
        this.lookup = lookup;
        this.reader = reader;
        this.files = files;
    }

    public record IngestReport(String source, long stored, List<String> groups) {
    }

    /** Loads every line of a log (excluded lines too: the rules apply when profiles are built). */
    public IngestReport ingest(Path file, Character delimiter, LogLayout layout) {
        TransactionFiles.LogFile log = reader.logFile(file, delimiter, layout);
        List<String> groups = log.groupNames();
        long stored = store.append(log.location(), groups, sink -> log.read(names -> { }, sink));
        return new IngestReport(log.name(), stored, groups);
    }

    public record ProfilesReport(TransactionProfiles.Summary summary, Path out, int columns) {
    }

    /** Aggregates a log into one profile per customer and writes them as CSV (atomically: all or nothing). */
    public ProfilesReport writeProfiles(DataInput input, Path out) {
        TransactionProfiles.Result result = reader.aggregate(input, false); // a profiles file carries no fingerprint
        Table table = result.table();
        try (RecordFiles.RecordSink sink = files.create(out)) {
            sink.write(table.header());
            String[] row = new String[table.columns().size()];
            for (int i = 0; i < table.rows(); i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = table.columns().get(j).text(i);
                }
                sink.write(row);
            }
            return new ProfilesReport(result.summary(), sink.commit(), table.columns().size());
        }
    }

    public record ScoreReport(int version, long customers, Map<Integer, Long> perSegment, long rowsUpdated,
                              TransactionProfiles.Summary summary) {
    }

    /**
     * Scores every stored customer with a model trained on transaction profiles and writes the segment into each of
     * their transactions ({@code customer_segment}).
     */
    public ScoreReport scoreStored(ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        TransactionProfiles.Result result = reader.aggregate(DataInput.storedTransactions(null));
        Table profiles = result.table();
        DataMatrix raw;
        try {
            List<com.segments.domain.table.ColumnRead> plan = SchemaReads.plan(version.model().schema(), profiles.header(),
                    profiles.source(), List.of());
            raw = SchemaReads.rawMatrix(version.model().schema(), new Table(profiles.source(), profiles.rows(),
                    plan.stream().filter(r -> r.kind() == com.segments.domain.table.ColumnRead.Kind.FIELD)
                            .map(r -> profiles.column(r.name())).toList(), null));
        } catch (SegmentsException | IllegalArgumentException e) {
            throw new SegmentsException("model version " + version.version() + " cannot score transaction profiles: "
                    + e.getMessage() + " (train it with --transactions)");
        }
        TableColumn ids = profiles.column("customer_id");
        Map<String, Integer> segments = new LinkedHashMap<>();
        Map<Integer, Long> perSegment = new java.util.TreeMap<>();
        Assignments answers = version.model().assignAll(raw.rowMajorView());
        for (int i = 0; i < answers.size(); i++) {
            segments.put(ids.text(i), answers.segment(i));
            perSegment.merge(answers.segment(i), 1L, Long::sum);
        }
        long updated = store.assignSegments(segments, version.version());
        return new ScoreReport(version.version(), raw.rows(), perSegment, updated, result.summary());
    }
}
