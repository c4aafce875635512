package com.segments.domain.table;

/**
 * One column of a {@link Table}, held in primitive arrays: numbers (or dates as day numbers, or a field's codes),
 * categories as codes into a small dictionary, or text such as customer ids. No cell is kept as an object of its
 * own, so a table of a million rows costs about what its numbers cost.
 */
public sealed interface TableColumn permits NumberColumn, CategoryColumn, TextColumn {

    String name();

    int size();

    boolean isMissing(int row);

    /** The cell as text, {@code ""} when missing: for reports, group names and written files. */
    String text(int row);
}
