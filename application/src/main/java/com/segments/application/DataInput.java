package com.segments.application;

import com.segments.domain.feature.LogLayout;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a model is trained on, as a door names it: a customer table (one row per customer, a file or a table of the
 * database), a transaction log aggregated into one profile per customer, or the stored transactions; with an
 * optional feature spec. Training,
 * comparing and writing profiles all read it through the same {@link DataReader}, so they read data the same way.
 *
 * @param kind        what the data is
 * @param file        the file, or null for the stored transactions and a database table
 * @param delimiter   the field separator, or null to detect it (or take the spec's)
 * @param featureSpec the spec file, or null to infer everything
 * @param layout      what the user said about a log's columns ({@link LogLayout#FIND}: nothing)
 * @param keepFirstPerId for a customer table with many rows per id: keep the first row of each id instead of
 *                    stopping (such a table is usually a transaction log)
 */
public record DataInput(Kind kind, Path file, Character delimiter, Path featureSpec, LogLayout layout,
                        boolean keepFirstPerId, String table) {

    public enum Kind { CUSTOMERS, TRANSACTIONS, STORED_TRANSACTIONS, TABLE }

    public DataInput(Kind kind, Path file, Character delimiter, Path featureSpec) {
        this(kind, file, delimiter, featureSpec, LogLayout.FIND, false, null);
    }

    public DataInput {
        Objects.requireNonNull(kind, "kind");
        layout = layout == null ? LogLayout.FIND : layout;
        boolean fileless = kind == Kind.STORED_TRANSACTIONS || kind == Kind.TABLE;
        if ((file == null) != fileless) {
            throw new IllegalArgumentException(kind + " data needs " + (file == null ? "a file" : "no file"));
        }
        if ((table == null) != (kind != Kind.TABLE)) {
            throw new IllegalArgumentException(kind + " data needs " + (table == null ? "a table name" : "no table name"));
        }
    }

    public static DataInput customers(Path file, Character delimiter, Path featureSpec) {
        return new DataInput(Kind.CUSTOMERS, file, delimiter, featureSpec);
    }

    public static DataInput transactions(Path file, Character delimiter, Path featureSpec) {
        return new DataInput(Kind.TRANSACTIONS, file, delimiter, featureSpec);
    }

    public static DataInput storedTransactions(Path featureSpec) {
        return new DataInput(Kind.STORED_TRANSACTIONS, null, null, featureSpec);
    }

    /** A customer table of the database, read through a cursor. */
    public static DataInput table(String table, Path featureSpec) {
        return new DataInput(Kind.TABLE, null, null, featureSpec, LogLayout.FIND, false, table);
    }

    /** The same input with what the user said about the log's columns. */
    public DataInput withLayout(LogLayout said) {
        return new DataInput(kind, file, delimiter, featureSpec, said, keepFirstPerId, table);
    }

    /** The same input, keeping the first row of each id of a table with many rows per id. */
    public DataInput keepingFirstPerId() {
        return new DataInput(kind, file, delimiter, featureSpec, layout, true, table);
    }

    /** A name for messages and the data-source lock: the file, or the table. */
    public String name() {
        return kind == Kind.TABLE ? "table " + table : file == null ? "fact_transactions" : file.toString();
    }

    public boolean transactions() {
        return kind == Kind.TRANSACTIONS || kind == Kind.STORED_TRANSACTIONS;
    }
}
