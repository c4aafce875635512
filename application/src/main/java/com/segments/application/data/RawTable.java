package com.segments.application.data;

import com.segments.domain.model.DataFingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table held column by column before any decision about its columns: a customer table read from a file (text
 * cells), or profiles aggregated from transactions (numbers). What the feature pipeline is planned and fitted on.
 *
 * @param source      a name for messages (the file name)
 * @param columns     the columns, in source order
 * @param lines       the file line each row starts on, for messages (row number when not from a file)
 * @param fingerprint where the data came from, its row count and content hash
 */
public record RawTable(String source, List<Column> columns, long[] lines, DataFingerprint fingerprint) {

    public RawTable {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.size() != lines.length) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size() + " cells for "
                        + lines.length + " rows");
            }
        }
    }

    /**
     * One column: either text cells (as read, {@code null} never) or numbers ({@code NaN} for missing).
     */
    public record Column(String name, String[] text, double[] numbers) {
        public Column {
            Objects.requireNonNull(name, "name");
            if ((text == null) == (numbers == null)) {
                throw new IllegalArgumentException("column '" + name + "' needs either text or numbers");
            }
        }

        public static Column ofText(String name, String[] cells) {
            return new Column(name, cells, null);
        }

        public static Column ofNumbers(String name, double[] values) {
            return new Column(name, null, values);
        }

        public int size() {
            return text != null ? text.length : numbers.length;
        }

        /** The cell as text ({@code ""} for a missing number). */
        public String cell(int row) {
            if (text != null) {
                return text[row];
            }
            double v = numbers[row];
            if (Double.isNaN(v)) {
                return "";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            // 12 significant digits: sums of cents print as 3028.15, not 3028.150000000001
            return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
        }

        public boolean isMissing(int row) {
            return text != null ? Cells.isMissing(text[row]) : Double.isNaN(numbers[row]);
        }

        /** The cell as a number, or NaN when missing or not a number. */
        public double number(int row) {
            return numbers != null ? numbers[row] : Cells.parseNumber(text[row]);
        }
    }

    public int rows() {
        return lines.length;
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String name) {
        for (Column column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        return null;
    }

    /** Reads a whole delimited file into text columns (one pass, hashing the bytes for the fingerprint). */
    public static RawTable read(Path file, Character delimiter) {
        CsvSource source = CsvSource.open(file, delimiter);
        List<String>[] header = new List[1];
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        String sha256 = source.read(h -> header[0] = h, (row, line, fields) -> {
            rows.add(fields.toArray(String[]::new));
            lines.add(line);
        });
        if (rows.isEmpty()) {
            throw new DataFileException(source.name() + ": has a header but no data rows");
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < header[0].size(); j++) {
            String[] cells = new String[rows.size()];
            for (int i = 0; i < cells.length; i++) {
                String[] row = rows.get(i);
                cells[i] = j < row.length ? row[j] : "";
            }
            columns.add(Column.ofText(header[0].get(j), cells));
        }
        long[] lineNumbers = lines.stream().mapToLong(Long::longValue).toArray();
        return new RawTable(source.name(), columns, lineNumbers,
                new DataFingerprint(source.file().toAbsolutePath().normalize().toString(), rows.size(), sha256));
    }
}
