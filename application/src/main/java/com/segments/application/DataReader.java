package com.segments.application;

import com.segments.application.features.ColumnInference;
import com.segments.application.features.InferenceReport;
import com.segments.application.features.PipelineFitter;
import com.segments.application.features.PreparedTable;
import com.segments.application.transactions.TransactionProfiles;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpecs;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.feature.Projector;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.DatabaseTables;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableFiles;
import com.segments.domain.table.TableReader;
import com.segments.domain.feature.LogLayout;
import com.segments.domain.transaction.TransactionFiles;
import com.segments.domain.transaction.TransactionSource;
import com.segments.domain.transaction.TransactionStore;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one data path from a door's {@link DataInput} to what the use cases work on: the feature spec, the table read
 * in typed columns (a customer table read once, never held as text; a log aggregated per customer), the decided
 * columns and the fitted pipeline. Reaches files and the database only through ports.
 */
public final class DataReader {

    private final TableFiles tables;
    private final DatabaseTables databaseTables;
    private final FeatureSpecs specs;
    private final TransactionFiles logs;
    private final TransactionStore store;
    private final Optional<Projector> projector;

    /**
     * @param projector the linear algebra behind PCA, if a plugin provides one
     */
    public DataReader(TableFiles tables, FeatureSpecs specs, TransactionFiles logs, TransactionStore store,
                      Optional<Projector> projector) {
        this(tables, null, specs, logs, store, projector);
    }

    /** @param databaseTables customer tables of the database, or null where there is none */
    public DataReader(TableFiles tables, DatabaseTables databaseTables, FeatureSpecs specs, TransactionFiles logs,
                      TransactionStore store, Optional<Projector> projector) {
        this.tables = tables;
        this.databaseTables = databaseTables;
        this.specs = specs;
        this.logs = logs;
        this.store = store;
        this.projector = projector;
    }

    /** The spec, read once; {@link FeatureSpec#INFER} without one. */
    public FeatureSpec spec(DataInput input) {
        return input.featureSpec() == null ? FeatureSpec.INFER : specs.read(input.featureSpec());
    }

    public Optional<Projector> projector() {
        return projector;
    }

    /** Reads the data (aggregating a log), decides every column and fits the feature pipeline. */
    public PreparedTable prepare(DataInput input) {
        FeatureSpec spec = spec(input);
        if (!input.transactions()) {
            ColumnInference.Plan[] plan = new ColumnInference.Plan[1];
            Table table = whole(customers(input, spec, true), sample -> {
                plan[0] = ColumnInference.plan(sample, spec);
                return plan[0].reads();
            });
            return fit(table, plan[0], spec, input.keepFirstPerId());
        }
        TransactionProfiles.Result profiles = aggregate(input);
        PreparedTable prepared = fit(profiles.table(), ColumnInference.planTyped(profiles.table(), spec), spec, false);
        InferenceReport report = prepared.report();
        List<String> warnings = new ArrayList<>(profiles.summary().lines());
        warnings.addAll(report.warnings());
        return prepared.withReport(new InferenceReport(report.source(), report.rows(), report.columns(), warnings));
    }

    private PreparedTable fit(Table table, ColumnInference.Plan plan, FeatureSpec spec, boolean keepFirstPerId) {
        List<ColumnInference.Decision> decisions = ColumnInference.decide(table, plan, spec);
        return PipelineFitter.fit(table, decisions, plan.idColumn(), spec, projector.orElse(null), keepFirstPerId);
    }

    /** The log turned into one profile per customer (transaction data only). */
    public TransactionProfiles.Result aggregate(DataInput input) {
        return aggregate(input, true);
    }

    /** The same; without {@code fingerprint} the table's fingerprint may lack the hash of the log's content. */
    public TransactionProfiles.Result aggregate(DataInput input, boolean fingerprint) {
        return TransactionProfiles.aggregate(transactions(input), null, fingerprint);
    }

    /** A log file, for loading into the store. */
    public TransactionFiles.LogFile logFile(Path file, Character delimiter, LogLayout layout) {
        return logs.open(file, delimiter, layout);
    }

    /** The transactions of a log file or of the store, unaggregated. */
    public TransactionSource transactions(DataInput input) {
        return switch (input.kind()) {
            case CUSTOMERS, TABLE -> throw new IllegalStateException(input.name() + " is a customer table, not a transaction log");
            case TRANSACTIONS -> {
                FeatureSpec spec = spec(input);
                yield logs.open(input.file(), delimiter(input, spec), input.layout().over(spec.transactions()));
            }
            case STORED_TRANSACTIONS -> TransactionProfiles.stored(store);
        };
    }

    /**
     * Reads a table for a model that exists: every feature through its field, the id as text, {@code extras} as
     * categories; a customer table in blocks, a log as its aggregated profiles in one block.
     *
     * @return the columns of the data the model does not use (so a door can say so)
     */
    public List<String> readForModel(DataInput input, FeatureSchema schema, List<String> extras, int blockRows,
                                     Consumer<Table> blocks) {
        if (input.transactions()) {
            Table profiles = aggregate(input).table();
            List<ColumnRead> plan = plan(schema, profiles.header(), profiles.source(), extras);
            blocks.accept(select(profiles, plan));
            return SchemaReads.unused(schema, profiles.header()).stream().filter(c -> !extras.contains(c)).toList();
        }
        return readForModel(customers(input, spec(input), false), schema, extras, blockRows, blocks);
    }

    /** An upload or a file already opened, read for a model in blocks; returns the columns the model does not use. */
    public List<String> readForModel(TableReader reader, FeatureSchema schema, List<String> extras, int blockRows,
                                     Consumer<Table> blocks) {
        return readForModel(reader, schema, extras, blockRows, header -> { }, blocks);
    }

    /** The same, telling {@code header} the table's header before the first block. */
    public List<String> readForModel(TableReader reader, FeatureSchema schema, List<String> extras, int blockRows,
                                     Consumer<List<String>> header, Consumer<Table> blocks) {
        List<String> unused = new ArrayList<>();
        reader.read(ColumnInference.SAMPLE_ROWS, sample -> {
            List<ColumnRead> plan = plan(schema, sample.header(), sample.source(), extras);
            header.accept(sample.header());
            SchemaReads.unused(schema, sample.header()).stream().filter(c -> !extras.contains(c)).forEach(unused::add);
            return plan;
        }, blockRows, blocks);
        return unused;
    }

    /** A table to score: read once, not fingerprinted. */
    public TableReader open(Path file, Character delimiter) {
        return tables.open(file, delimiter, false);
    }

    public TableReader open(InputStream upload, String name, Character delimiter) {
        return tables.open(upload, name, delimiter);
    }

    private static List<ColumnRead> plan(FeatureSchema schema, List<String> header, String source, List<String> extras) {
        try {
            return SchemaReads.plan(schema, header, source, extras);
        } catch (FieldValidationException e) {
            throw new DataSourceException(e.getMessage(), e);
        }
    }

    /** A customer table, from its file or from the database. */
    private TableReader customers(DataInput input, FeatureSpec spec, boolean fingerprint) {
        if (input.kind() == DataInput.Kind.TABLE) {
            if (databaseTables == null) {
                throw new DataSourceException("this installation reads no database tables");
            }
            return databaseTables.open(input.table());
        }
        return tables.open(input.file(), delimiter(input, spec), fingerprint);
    }

    /** The columns of an already typed table that a plan reads, each as it reads it. */
    private static Table select(Table table, List<ColumnRead> plan) {
        List<com.segments.domain.table.TableColumn> columns = new ArrayList<>();
        for (ColumnRead read : plan) {
            com.segments.domain.table.TableColumn column = table.column(read.name());
            if (read.kind() == ColumnRead.Kind.FIELD && !(column instanceof com.segments.domain.table.NumberColumn)) {
                double[] values = new double[table.rows()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = column.isMissing(i) ? read.field().encode(null) : read.field().parse(column.text(i));
                }
                column = new com.segments.domain.table.NumberColumn(read.name(), values);
            }
            if (read.kind() != ColumnRead.Kind.SKIP) {
                columns.add(column);
            }
        }
        return new Table(table.source(), table.rows(), columns, table.fingerprint());
    }

    private static Table whole(TableReader reader, java.util.function.Function<com.segments.domain.table.TableSample,
            List<ColumnRead>> planner) {
        Table[] table = new Table[1];
        TableReader.Result result = reader.read(ColumnInference.SAMPLE_ROWS, planner, Integer.MAX_VALUE, t -> table[0] = t);
        if (table[0] == null || result.rows() == 0) {
            throw new DataSourceException(reader.name() + ": has a header but no data rows");
        }
        return new Table(table[0].source(), table[0].rows(), table[0].columns(), result.fingerprint());
    }

    private static Character delimiter(DataInput input, FeatureSpec spec) {
        return input.delimiter() != null ? input.delimiter() : spec.delimiter();
    }
}
