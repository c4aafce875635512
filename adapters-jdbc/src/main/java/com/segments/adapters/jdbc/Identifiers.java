package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;

import java.util.List;

/**
 * Names a user gives for tables and columns. They are always quoted where SQL is written, so no name can be read
 * as SQL; these checks refuse what no database accepts as a name anyway, with a message that says which name.
 */
final class Identifiers {

    static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    /**
     * @throws SegmentsException for an empty or overlong name, or one holding a control character
     */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new SegmentsException("a table or column name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new SegmentsException("the name '" + name.substring(0, 40) + "...' is " + name.length()
                    + " characters long; at most " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new SegmentsException("the name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' holds a control character at position " + (i + 1));
            }
        }
        return name;
    }

    /**
     * A table written {@code table} or {@code schema.table}; a name holding a dot itself cannot be given.
     *
     * @throws SegmentsException naming the table when it has more parts or an empty one
     */
    static List<String> tableParts(String table) {
        check(table);
        List<String> parts = List.of(table.split("\\.", -1));
        if (parts.size() > 2 || parts.stream().anyMatch(String::isBlank)) {
            throw new SegmentsException("'" + table + "' is not a table name: write table or schema.table");
        }
        parts.forEach(Identifiers::check);
        return parts;
    }
}
