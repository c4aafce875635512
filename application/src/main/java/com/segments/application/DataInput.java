package com.segments.application;

import com.segments.application.data.FeaturePipeline;
import com.segments.application.data.FeatureSpec;
import com.segments.application.data.InferenceReport;
import com.segments.application.data.PreparedTable;
import com.segments.application.data.RawTable;
import com.segments.application.data.TransactionProfiles;
import com.segments.domain.feature.Projector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * What a model is trained on: a customer table (one row per customer), or a transaction log aggregated into one
 * profile per customer; with an optional feature spec (YAML). Training, comparing and writing profiles all start
 * here, so they read data the same way.
 *
 * @param name         a name for messages and the data-source lock (the file, or the table)
 * @param file         the file, or null for a database table
 * @param delimiter    the field separator, or null to detect it (or take the spec's)
 * @param featureSpec  the spec file, or null to infer everything
 * @param transactions whether the data is a transaction log
 * @param rows         the log's rows when they come from a database table, else null
 */
public record DataInput(String name, Path file, Character delimiter, Path featureSpec, boolean transactions,
                        TransactionProfiles.Source rows) {

    public DataInput {
        Objects.requireNonNull(name, "name");
        if (file == null && rows == null) {
            throw new IllegalArgumentException("data needs a file or rows");
        }
    }

    public static DataInput customers(Path file, Character delimiter, Path featureSpec) {
        return new DataInput(file.toString(), file, delimiter, featureSpec, false, null);
    }

    public static DataInput transactions(Path file, Character delimiter, Path featureSpec) {
        return new DataInput(file.toString(), file, delimiter, featureSpec, true, null);
    }

    public static DataInput transactions(TransactionProfiles.Source rows, Path featureSpec) {
        return new DataInput(rows.name(), null, null, featureSpec, true, rows);
    }

    /** The spec, read once; {@link FeatureSpec#INFER} without one. */
    public FeatureSpec spec() {
        return featureSpec == null ? FeatureSpec.INFER : FeatureSpec.read(featureSpec);
    }

    /** Reads the data (aggregating a log), plans and fits the feature pipeline. */
    public PreparedTable prepare() {
        FeatureSpec spec = spec();
        Character separator = delimiter != null ? delimiter : spec.delimiter();
        Projector projector = spec.pca() == null ? null : ServiceLoader.load(Projector.class).findFirst().orElse(null);
        if (!transactions) {
            return FeaturePipeline.fit(RawTable.read(file, separator), spec, projector);
        }
        TransactionProfiles.Result profiles = aggregate(separator);
        PreparedTable prepared = FeaturePipeline.fit(profiles.table(), spec, projector);
        InferenceReport report = prepared.report();
        List<String> warnings = new ArrayList<>(profiles.summary().lines());
        warnings.addAll(report.warnings());
        return new PreparedTable(prepared.profiles(), prepared.preprocessing(), prepared.transformed(),
                new InferenceReport(report.source(), report.rows(), report.columns(), warnings),
                prepared.fingerprint(), prepared.groups());
    }

    /** The rows as read: the customer table, or the log aggregated into one profile per customer. */
    public RawTable table() {
        FeatureSpec spec = spec();
        Character separator = delimiter != null ? delimiter : spec.delimiter();
        return transactions ? aggregate(separator).table() : RawTable.read(file, separator);
    }

    /** The log turned into one profile per customer (transaction data only). */
    public TransactionProfiles.Result aggregate(Character separator) {
        if (!transactions) {
            throw new IllegalStateException(name + " is a customer table, not a transaction log");
        }
        TransactionProfiles.Source source = rows != null ? rows : TransactionProfiles.csv(file, separator);
        return TransactionProfiles.aggregate(source, null);
    }
}
