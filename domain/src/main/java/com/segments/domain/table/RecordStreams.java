package com.segments.domain.table;

import java.io.InputStream;
import java.util.Map;

/**
 * The port that reads delimited text as it arrives (an upload, standard input, a file being appended to): a header
 * line, then one record per row, each handed over as soon as it is read.
 */
public interface RecordStreams {

    /** Receives one row's cells by header name, with the line the row starts on (1 is the header). */
    @FunctionalInterface
    interface Rows {
        void row(long line, Map<String, String> cells);
    }

    /**
     * @param name      the stream's name, for messages
     * @param delimiter the field separator
     * @return the number of rows read
     * @throws DataSourceException naming the line of a row that is not well-formed CSV or has more cells than the
     *                             header names, or a stream with no header
     */
    long read(InputStream in, String name, char delimiter, Rows rows);
}
