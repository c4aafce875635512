package com.segments.adapters.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Tables and columns as the database's metadata has them: the one way a table name a user typed is found. A name is
 * looked up exactly, else ignoring case when that is unambiguous (PostgreSQL folds unquoted names to lower case, H2
 * to upper case), so a missing table is refused by name before any SQL runs, and the name found is always quoted.
 */
record DatabaseCatalogue(DatabaseMetaData meta, String currentSchema) {

    static DatabaseCatalogue of(Connection connection) throws SQLException {
        return new DatabaseCatalogue(connection.getMetaData(), connection.getSchema());
    }

    /** A table as the catalogue names it. */
    record TableRef(String schema, String name) {

        /** Schema (when there is one) and name, each quoted by {@code quote}. */
        String quoted(UnaryOperator<String> quote) {
            return (schema == null ? "" : quote.apply(schema) + ".") + quote.apply(name);
        }

        String display() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /**
     * The table, in its schema or (unqualified) the connection's current schema; null when absent.
     *
     * @throws com.segments.domain.SegmentsException when the text is not a table name ({@link Identifiers#tableParts})
     */
    TableRef table(String table) throws SQLException {
        List<String> parts = Identifiers.tableParts(table);
        String schema = parts.size() == 2 ? parts.getFirst() : null;
        String name = parts.getLast();
        List<TableRef> all = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, null, new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                all.add(new TableRef(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")));
            }
        }
        String inSchema = schema != null ? schema : currentSchema;
        List<TableRef> candidates = all.stream().filter(t -> inSchema == null || inSchema.equalsIgnoreCase(t.schema()))
                .toList();
        TableRef exact = candidates.stream().filter(t -> t.name().equals(name)
                && (inSchema == null || inSchema.equals(t.schema()))).findFirst().orElse(null);
        if (exact != null) {
            return exact;
        }
        List<TableRef> folded = candidates.stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
        return folded.size() == 1 ? folded.getFirst() : null;
    }

    /** Column names in table order, with their JDBC types. */
    Map<String, Integer> columns(TableRef table) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, table.schema(), table.name(), null)) {
            while (rs.next()) {
                // the names are LIKE patterns ('_' matches any character): keep this table's own columns only
                if (table.name().equals(rs.getString("TABLE_NAME"))
                        && Objects.equals(table.schema(), rs.getString("TABLE_SCHEM"))) {
                    columns.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
        }
        return columns;
    }

    /** An identifier in the database's own quote character, the quote doubled inside it. */
    String quote(String name) throws SQLException {
        String q = meta.getIdentifierQuoteString();
        if (q == null || q.isBlank()) {
            return name;
        }
        return q + name.replace(q, q + q) + q;
    }
}
