package com.segments.domain.table;

import java.util.List;

/**
 * The header and the first rows of a table as written, from which a reader's plan is decided.
 *
 * @param rows  cells as written (not trimmed), one array per row, as wide as the header
 * @param lines the file line each row starts on, for messages
 * @param whole whether the sample is the whole table
 */
public record TableSample(String source, List<String> header, List<String[]> rows, long[] lines, boolean whole) {

    public TableSample {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + rows.size() + " rows");
        }
    }

    /** The sample's cells of one column. */
    public String cell(int row, int column) {
        return rows.get(row)[column];
    }
}
