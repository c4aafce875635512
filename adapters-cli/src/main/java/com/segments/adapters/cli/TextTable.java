package com.segments.adapters.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminal output: numbers right-aligned after a left-aligned first column, or all text. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int leftColumns;

    private TextTable(int leftColumns) {
        this.leftColumns = leftColumns;
    }

    /** First column left-aligned, the others (numbers) right-aligned. */
    static TextTable numeric() {
        return new TextTable(1);
    }

    /** The first {@code leftColumns} columns left-aligned (labels), the others (numbers) right-aligned. */
    static TextTable numeric(int leftColumns) {
        return new TextTable(leftColumns);
    }

    /** Every column left-aligned. */
    static TextTable text() {
        return new TextTable(Integer.MAX_VALUE);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(c < leftColumns ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
