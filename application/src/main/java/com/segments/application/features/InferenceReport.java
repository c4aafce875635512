package com.segments.application.features;

import java.util.List;

/**
 * What reading a customer table decided, and why: the summary a user reads before trusting a model.
 *
 * @param source   the file name
 * @param rows     data rows read
 * @param columns  one entry per header column, in file order
 * @param warnings facts worth a look that did not stop training (duplicate ids, constant columns)
 */
public record InferenceReport(String source, long rows, List<Column> columns, List<String> warnings) {

    public InferenceReport {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param name    header name
     * @param role    id, numeric feature or ignored
     * @param reason  why it got that role
     * @param missing cells read as missing (empty, NA, ...)
     */
    public record Column(String name, ColumnRole role, String reason, long missing) {
    }
}
