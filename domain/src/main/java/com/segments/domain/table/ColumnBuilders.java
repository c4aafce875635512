package com.segments.domain.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Growable primitive columns for readers that do not know the row count in advance. */
public final class ColumnBuilders {

    private ColumnBuilders() {
    }

    /** Numbers, growing by half when full. */
    public static final class Numbers {
        private double[] values;
        private int rows;

        public Numbers() {
            this(1024);
        }

        /**
         * @param capacity the rows expected (a block's size): filled to exactly that many, the column is built on the
         *                 same array, with no copy while growing or at the end
         */
        public Numbers(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a column's capacity must be at least 1, got " + capacity);
            }
            values = new double[capacity];
        }

        public void add(double value) {
            if (rows == values.length) {
                values = Arrays.copyOf(values, rows + (rows >> 1) + 1);
            }
            values[rows++] = value;
        }

        public int rows() {
            return rows;
        }

        public NumberColumn build(String name) {
            return new NumberColumn(name, values.length == rows ? values : Arrays.copyOf(values, rows));
        }
    }

    /**
     * Dictionary codes of trimmed text; past {@code maxLevels} distinct values the column stops keeping codes and
     * only counts, and is built {@linkplain CategoryColumn#overflowed() overflowed}.
     */
    public static final class Categories {
        private final int maxLevels;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> dictionary = new ArrayList<>();
        private int[] codes = new int[1024];
        private int rows;

        public Categories(int maxLevels) {
            this.maxLevels = maxLevels;
        }

        /** @param value the cell, or {@code null} when missing */
        public void add(String value) {
            int code = -1;
            if (value != null) {
                String key = value.strip();
                Integer known = index.get(key);
                if (known != null) {
                    code = known;
                } else if (codes != null) {
                    code = dictionary.size();
                    index.put(key, code);
                    dictionary.add(key);
                    if (dictionary.size() > maxLevels) {
                        codes = null; // free text: stop keeping what will not be used
                    }
                }
            }
            if (codes == null) {
                rows++;
                return;
            }
            if (rows == codes.length) {
                codes = Arrays.copyOf(codes, rows + (rows >> 1));
            }
            codes[rows++] = code;
        }

        public CategoryColumn build(String name) {
            return new CategoryColumn(name, codes == null ? null : Arrays.copyOf(codes, rows),
                    codes == null ? dictionary.subList(0, Math.min(dictionary.size(), maxLevels + 1)) : dictionary, rows);
        }
    }
}
