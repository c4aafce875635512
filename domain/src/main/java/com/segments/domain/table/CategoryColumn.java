package com.segments.domain.table;

import java.util.List;
import java.util.Objects;

/**
 * Text with few distinct values, as codes into a dictionary of the values as first written (trimmed); {@code -1}
 * where missing. A column with more distinct values than its reader allowed is {@link #overflowed()}: it is free
 * text, and only its distinct count so far is known.
 *
 * @param codes      one per row, or {@code null} when overflowed
 * @param dictionary the distinct values, in order of first appearance
 */
public record CategoryColumn(String name, int[] codes, List<String> dictionary, int rows) implements TableColumn {

    public CategoryColumn {
        Objects.requireNonNull(name, "name");
        dictionary = List.copyOf(dictionary);
        if (codes != null && codes.length != rows) {
            throw new IllegalArgumentException(codes.length + " codes for " + rows + " rows");
        }
    }

    public boolean overflowed() {
        return codes == null;
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public String text(int row) {
        int code = codes[row];
        return code < 0 ? "" : dictionary.get(code);
    }

    /** Rows per dictionary value. */
    public long[] counts() {
        long[] counts = new long[dictionary.size()];
        for (int code : codes) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        return counts;
    }
}
