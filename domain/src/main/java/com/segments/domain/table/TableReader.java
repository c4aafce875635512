package com.segments.domain.table;

import com.segments.domain.model.DataFingerprint;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a table in one pass, never holding it as text: the header and the first rows go, as text, to a planner
 * that decides how each column is read; then every row (the sampled ones too) is read that way into typed columns,
 * in blocks. A file, an upload and a database table are read alike.
 */
public interface TableReader {

    /** A name for messages (the file name). */
    String name();

    /**
     * @param sampleRows rows the planner sees at most
     * @param planner    given the sample, answers one {@link ColumnRead} per header column, in order
     * @param blockRows  rows per block at most ({@code Integer.MAX_VALUE}: the whole table in one block)
     * @param blocks     receives each block in order; a block's columns are those not skipped
     * @return rows read, and the fingerprint of what was read
     * @throws DataSourceException naming the row, line and column of a cell its column cannot read, or what is
     *                             wrong with the table as a whole (no header, rows of the wrong width)
     */
    Result read(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows, Consumer<Table> blocks);

    record Result(long rows, DataFingerprint fingerprint) {
    }
}
