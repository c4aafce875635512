package com.segments.application;

import com.segments.application.data.CsvOutput;
import com.segments.application.data.CsvSource;
import com.segments.application.data.DataFileException;
import com.segments.application.data.RawTable;
import com.segments.application.data.TableScorer;
import com.segments.application.data.TransactionProfiles;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.model.ModelVersion;
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

    public TransactionsUseCases(TransactionStore store, ModelLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    public record IngestReport(String source, long stored, List<String> groups) {
    }

    /** Loads every line of a CSV log (excluded lines too: the rules apply when profiles are built). */
    public IngestReport ingest(Path file, Character delimiter) {
        CsvSource csv = CsvSource.open(file, delimiter);
        TransactionProfiles.Source source = TransactionProfiles.csv(csv);
        List<String> groups = TransactionProfiles.groupNames(csv);
        long stored = store.append(csv.file().toAbsolutePath().normalize().toString(), groups,
                sink -> source.read(names -> { }, sink));
        return new IngestReport(csv.name(), stored, groups);
    }

    /** The stored transactions as a source of profiles. */
    public TransactionProfiles.Source stored() {
        return TransactionProfiles.stored(store);
    }

    public record ProfilesReport(TransactionProfiles.Summary summary, Path out, int columns) {
    }

    /** Aggregates a log into one profile per customer and writes them as CSV (atomically: all or nothing). */
    public ProfilesReport writeProfiles(TransactionProfiles.Source source, Path out) {
        TransactionProfiles.Result result = TransactionProfiles.aggregate(source, null);
        RawTable table = result.table();
        Path target = CsvOutput.write(out, csv -> {
            csv.writeRecord(table.header());
            String[] row = new String[table.columns().size()];
            for (int i = 0; i < table.rows(); i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = table.columns().get(j).cell(i);
                }
                csv.writeRecord(row);
            }
        });
        return new ProfilesReport(result.summary(), target, table.columns().size());
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
        TransactionProfiles.Result result = TransactionProfiles.aggregate(stored(), null);
        Assignment[] assignments;
        try {
            assignments = TableScorer.assign(version.model(), result.table());
        } catch (DataFileException e) {
            throw new SegmentsException("model version " + version.version() + " cannot score transaction profiles: "
                    + e.getMessage() + " (train it with --transactions)");
        }
        RawTable.Column ids = result.table().column("customer_id");
        Map<String, Integer> segments = new LinkedHashMap<>();
        Map<Integer, Long> perSegment = new java.util.TreeMap<>();
        for (int i = 0; i < assignments.length; i++) {
            int segment = assignments[i].segment();
            segments.put(ids.cell(i), segment);
            perSegment.merge(segment, 1L, Long::sum);
        }
        long updated = store.assignSegments(segments, version.version());
        return new ScoreReport(version.version(), assignments.length, perSegment, updated, result.summary());
    }
}
