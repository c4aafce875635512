package com.segments.adapters.cli;

import com.segments.application.DataInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the training data comes from, shared by train and compare: a customer table or a transaction log. */
class DataOptions {

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
    }

    @Option(names = "--features", paramLabel = "SPEC.yml",
            description = "feature spec: roles, imputation, outliers, transforms, scaling, categories, derived features, "
                    + "PCA (default: inferred; see examples/)")
    Path features;

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator: ',', ';' or 'tab' (default: the spec's, else detected)")
    Character delimiter;

    DataInput input() {
        if (source.data != null) {
            return DataInput.customers(source.data, delimiter, features);
        }
        if (source.transactions != null) {
            return DataInput.transactions(source.transactions, delimiter, features);
        }
        return DataInput.storedTransactions(features);
    }
}
