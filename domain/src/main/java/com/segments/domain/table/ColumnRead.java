package com.segments.domain.table;

import com.segments.domain.feature.Field;

import java.util.Objects;

/**
 * How a reader turns one column's cells into a {@link TableColumn}. The cells of a {@link Kind#FIELD} column go
 * through {@link Field#parse(char[], int, int)}, the one conversion every door uses, into a {@link NumberColumn};
 * a cell the field refuses stops the read with an error naming the row, line and column.
 *
 * @param maxLevels for {@link Kind#CATEGORY}: distinct values kept before the column counts as free text
 * @param hint      added to the error about a refused cell (why the column was read this way, what to do)
 */
public record ColumnRead(String name, Kind kind, Field field, int maxLevels, String hint) {

    public enum Kind {
        /** read by a field into numbers (numbers, day numbers, category codes) */
        FIELD,
        /** trimmed text as dictionary codes ({@link CategoryColumn}) */
        CATEGORY,
        /** trimmed text ({@link TextColumn}), for ids */
        TEXT,
        /** not read */
        SKIP
    }

    public ColumnRead {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FIELD && (field == null || !field.name().equals(name))) {
            throw new IllegalArgumentException("column '" + name + "' needs its field to be read by it");
        }
        hint = hint == null ? "" : hint;
    }

    public static ColumnRead field(Field field) {
        return new ColumnRead(field.name(), Kind.FIELD, field, 0, null);
    }

    public static ColumnRead field(Field field, String hint) {
        return new ColumnRead(field.name(), Kind.FIELD, field, 0, hint);
    }

    public static ColumnRead category(String name, int maxLevels) {
        return new ColumnRead(name, Kind.CATEGORY, null, maxLevels, null);
    }

    public static ColumnRead text(String name) {
        return new ColumnRead(name, Kind.TEXT, null, 0, null);
    }

    public static ColumnRead skip(String name) {
        return new ColumnRead(name, Kind.SKIP, null, 0, null);
    }
}
