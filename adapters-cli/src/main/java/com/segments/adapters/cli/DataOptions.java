package com.segments.adapters.cli;

import com.segments.application.DataInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the training data comes from, shared by train and compare: a customer table or a transaction log. */
class DataOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** Exactly one source; picocli enforces it and prints the usage otherwise. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static class Source {
        @Option(names = "--data", paramLabel = "FILE.csv", description = "customer table, one row per customer")
        Path data;

        @Option(names = "--transactions", paramLabel = "FILE.csv",
                description = "transaction log (customer id, date, amount, and where present category, location, bank), "
                        + "aggregated into one profile per customer")
        Path transactions;

        @Option(names = "--stored-transactions",
                description = "the transactions loaded with 'segments ingest' (table fact_transactions)")
        boolean stored;

        @Option(names = "--data-uri", paramLabel = "URI",
                description = "with --engine: a CSV or Parquet file or directory by URI (hdfs://, s3a://, file://), "
                        + "read by the engine where it runs")
        String dataUri;

        @Option(names = "--table", paramLabel = "NAME",
                description = "a customer table of the database (one row per customer), read through a cursor")
        String table;
    }

    @Option(names = "--features", paramLabel = "SPEC.yml",
            description = "feature spec: roles, imputation, outliers, transforms, scaling, categories, derived features, "
                    + "PCA (default: inferred; see examples/)")
    Path features;

    @picocli.CommandLine.Mixin
    LogLayoutOptions log = new LogLayoutOptions();

    @Option(names = "--keep-first-per-id",
            description = "for a customer table with many rows per id: keep each id's first row (such a table is usually "
                    + "a transaction log: train on it with --transactions instead)")
    boolean keepFirstPerId;

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator: ',', ';' or 'tab' (default: the spec's, else detected)")
    Character delimiter;

    DataInput input() {
        if (source.dataUri != null) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--data-uri is read by a training engine: add --engine spark, or give a local file with --data");
        }
        DataInput input;
        if (source.data != null) {
            input = DataInput.customers(source.data, delimiter, features);
        } else if (source.transactions != null) {
            input = DataInput.transactions(source.transactions, delimiter, features);
        } else if (source.table != null) {
            input = DataInput.table(source.table, features);
        } else {
            input = DataInput.storedTransactions(features);
        }
        input = input.withLayout(log.layout());
        return keepFirstPerId ? input.keepingFirstPerId() : input;
    }
}
