package com.segments.domain.table;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Text cells such as customer ids, trimmed, stored back to back in one character array: a million ids cost a few
 * megabytes instead of a million strings. A blank cell is missing.
 *
 * @param chars every cell's characters, in row order
 * @param ends  where each row's characters end in {@code chars} (each starts where the row before ends)
 */
public record TextColumn(String name, char[] chars, int[] ends) implements TableColumn {

    public TextColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chars, "chars");
        Objects.requireNonNull(ends, "ends");
    }

    /** A column of the given values (trimmed), for tests and small tables. */
    public static TextColumn of(String name, List<String> values) {
        Builder builder = new Builder();
        for (String value : values) {
            char[] c = value.toCharArray();
            builder.add(c, 0, c.length);
        }
        return builder.build(name);
    }

    @Override
    public int size() {
        return ends.length;
    }

    private int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    @Override
    public boolean isMissing(int row) {
        return ends[row] == start(row);
    }

    @Override
    public String text(int row) {
        int start = start(row);
        return new String(chars, start, ends[row] - start);
    }

    /** The cells as a list of strings made on demand. */
    public List<String> asList() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return text(index);
            }

            @Override
            public int size() {
                return ends.length;
            }
        };
    }

    /**
     * For each row, whether an earlier row has the same (non-blank) text: the repeats of an id. Open addressing
     * on the characters themselves, so no string is made.
     */
    public boolean[] repeats() {
        int n = ends.length;
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        boolean[] repeated = new boolean[n];
        for (int row = 0; row < n; row++) {
            if (isMissing(row)) {
                continue;
            }
            int slot = hash(row) & (capacity - 1);
            while (slots[slot] >= 0 && !sameText(slots[slot], row)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (slots[slot] >= 0) {
                repeated[row] = true;
            } else {
                slots[slot] = row;
            }
        }
        return repeated;
    }

    private int hash(int row) {
        int h = 0;
        for (int i = start(row); i < ends[row]; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }

    private boolean sameText(int a, int b) {
        return Arrays.equals(chars, start(a), ends[a], chars, start(b), ends[b]);
    }

    /** Collects trimmed cells; grows by half when full. */
    public static final class Builder {
        private char[] chars = new char[1024];
        private int[] ends = new int[64];
        private int used;
        private int rows;

        public void add(char[] source, int offset, int length) {
            int start = offset;
            int end = offset + length;
            while (start < end && Character.isWhitespace(source[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(source[end - 1])) {
                end--;
            }
            int size = end - start;
            if (used + size > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(used + size, chars.length + (chars.length >> 1)));
            }
            System.arraycopy(source, start, chars, used, size);
            used += size;
            if (rows == ends.length) {
                ends = Arrays.copyOf(ends, rows + (rows >> 1) + 1);
            }
            ends[rows++] = used;
        }

        public int rows() {
            return rows;
        }

        public TextColumn build(String name) {
            return new TextColumn(name, Arrays.copyOf(chars, used), Arrays.copyOf(ends, rows));
        }
    }
}
