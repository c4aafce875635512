package com.segments.domain.table;

import com.segments.domain.model.DataFingerprint;

import java.util.List;
import java.util.Objects;

/**
 * A customer table (or a block of one) read into typed columns: what the feature pipeline decides on and fits.
 *
 * @param source      a name for messages (the file name)
 * @param rows        rows read
 * @param columns     the columns that were read, in source order
 * @param fingerprint where the data came from and a hash of its content; {@code null} for a block of a stream
 */
public record Table(String source, int rows, List<TableColumn> columns, DataFingerprint fingerprint) {

    public Table {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        for (TableColumn column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size() + " cells for "
                        + rows + " rows");
            }
        }
    }

    public List<String> header() {
        return columns.stream().map(TableColumn::name).toList();
    }

    /** The column of that name, or {@code null}. */
    public TableColumn column(String name) {
        for (TableColumn column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        return null;
    }
}
