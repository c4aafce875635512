package com.segments.adapters.files;

import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.feature.NumberText;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.ColumnBuilders;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.table.TableReader;
import com.segments.domain.table.TableSample;
import com.segments.domain.table.TextColumn;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a delimited table in one pass, straight into typed columns: FastCSV hands each field over as a slice of
 * its buffer, and the column's reader turns the slice into a number, a dictionary code or id characters, so no
 * string per cell is made for numbers and none survives the read. The header and the first rows are kept as text
 * only until the planner has decided how each column is read.
 */
final class CsvTableReader implements TableReader {

    private final CsvSource source;

    CsvTableReader(CsvSource source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Result read(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows,
                       Consumer<Table> blocks) {
        if (blockRows == Integer.MAX_VALUE) { // one block: nothing to overlap
            return read(sampleRows, planner, blockRows, blocks, () -> { });
        }
        try (ReadAhead ahead = new ReadAhead(blocks)) {
            return read(sampleRows, planner, blockRows, ahead, ahead::finish);
        }
    }

    private Result read(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows,
                        Consumer<Table> blocks, Runnable drained) {
        Handler handler = new Handler(sampleRows, planner, blockRows, blocks);
        String sha256 = source.parse(handler, reader -> {
            for (Object ignored : reader) {
                // the handler does the work as each record is built
            }
            handler.finish();
            drained.run();
        });
        return new Result(handler.rows, new DataFingerprint(source.location(), handler.rows, sha256));
    }

    /** The states of one pass: header, sampled rows as text, then typed rows. */
    private final class Handler extends AbstractBaseCsvCallbackHandler<Object> {
        private final int sampleRows;
        private final Function<TableSample, List<ColumnRead>> planner;
        private final int blockRows;
        private final Consumer<Table> blocks;

        private List<String> header;
        private String[] fields = new String[32];
        private final List<String[]> sample = new ArrayList<>();
        private final List<Long> sampleLines = new ArrayList<>();
        private ColumnRead[] plan;
        private Block block;
        private String extraField;
        long rows;

        Handler(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows, Consumer<Table> blocks) {
            this.sampleRows = sampleRows;
            this.planner = planner;
            this.blockRows = blockRows;
            this.blocks = blocks;
        }

        @Override
        protected void handleBegin(long line) {
            extraField = null;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
            if (plan == null) {
                if (index == fields.length) {
                    fields = Arrays.copyOf(fields, index * 2);
                }
                fields[index] = new String(buf, offset, length);
            } else if (index < plan.length) {
                block.add(index, buf, offset, length, rows + 1, getStartingLineNumber());
            } else if (index == plan.length) {
                extraField = new String(buf, offset, length);
            }
        }

        @Override
        protected Object buildRecord() {
            if (getRecordType() != de.siegmar.fastcsv.reader.RecordType.DATA) {
                return Boolean.TRUE;
            }
            if (header == null) {
                header = source.header(Arrays.copyOf(fields, getFieldCount()));
                return Boolean.TRUE;
            }
            if (plan == null) {
                String[] row = Arrays.copyOf(fields, getFieldCount());
                source.checkWidth(header, row.length, sample.size() + 1, getStartingLineNumber(), row);
                sample.add(row);
                sampleLines.add(getStartingLineNumber());
                if (sample.size() == sampleRows) {
                    startTyped(false);
                }
                return Boolean.TRUE;
            }
            rows++;
            source.checkWidth(header, getFieldCount(), rows, getStartingLineNumber(),
                    extraField == null ? null : extraFieldRow());
            block.endRow();
            if (block.rows == blockRows) {
                flush();
            }
            return Boolean.TRUE;
        }

        private String[] extraFieldRow() {
            String[] row = new String[header.size() + 1];
            row[header.size()] = extraField;
            return row;
        }

        /** Plans from the sample, then reads the sampled rows as planned. */
        private void startTyped(boolean whole) {
            long[] lines = sampleLines.stream().mapToLong(Long::longValue).toArray();
            List<ColumnRead> decided = planner.apply(new TableSample(source.name(), header, sample, lines, whole));
            if (decided.size() != header.size()) {
                throw new IllegalStateException(decided.size() + " column reads for " + header.size() + " columns");
            }
            plan = decided.toArray(ColumnRead[]::new);
            block = new Block(plan, blockRows);
            for (int r = 0; r < sample.size(); r++) {
                String[] row = sample.get(r);
                rows++;
                for (int j = 0; j < plan.length; j++) {
                    char[] cell = row[j].toCharArray();
                    block.add(j, cell, 0, cell.length, rows, lines[r]);
                }
                block.endRow();
                if (block.rows == blockRows) {
                    flush();
                }
            }
            sample.clear();
            sampleLines.clear();
        }

        void finish() {
            if (header == null) {
                throw new DataSourceException(source.name() + ": the file is empty (no header line)");
            }
            if (plan == null) {
                startTyped(true);
            }
            if (block.rows > 0) {
                flush();
            }
        }

        private void flush() {
            blocks.accept(block.build());
            block = new Block(plan, blockRows);
        }
    }

    /**
     * Blocks of up to this many rows (scoring reads 16,384 at a time) have their number columns made at full size:
     * grown by half from 1,024 and trimmed at the end, each block's columns were copied about three times over, a
     * tenth of the scoring thread's time. A whole file read as one block still grows as it goes.
     */
    private static final int MAX_PRESIZED_ROWS = 1 << 20;

    /** The columns of one block being filled. */
    private final class Block {
        private final ColumnRead[] plan;
        private final Object[] builders;
        int rows;

        /** @param blockRows the rows of a full block, which its number columns are sized for when that is bounded */
        Block(ColumnRead[] plan, int blockRows) {
            this.plan = plan;
            int capacity = blockRows >= 1 && blockRows <= MAX_PRESIZED_ROWS ? blockRows : 1024;
            this.builders = new Object[plan.length];
            for (int j = 0; j < plan.length; j++) {
                builders[j] = switch (plan[j].kind()) {
                    case FIELD -> new ColumnBuilders.Numbers(capacity);
                    case CATEGORY -> new ColumnBuilders.Categories(plan[j].maxLevels());
                    case TEXT -> new TextColumn.Builder();
                    case SKIP -> null;
                };
            }
        }

        void add(int j, char[] buf, int offset, int length, long row, long line) {
            switch (builders[j]) {
                case ColumnBuilders.Numbers numbers -> numbers.add(parse(plan[j], buf, offset, length, row, line));
                case ColumnBuilders.Categories categories -> categories.add(
                        NumberText.isMissing(buf, offset, length) ? null : new String(buf, offset, length));
                case TextColumn.Builder text -> text.add(buf, offset, length);
                case null -> {
                }
                default -> throw new IllegalStateException(builders[j].toString());
            }
        }

        private double parse(ColumnRead read, char[] buf, int offset, int length, long row, long line) {
            try {
                return read.field().parse(buf, offset, length);
            } catch (FieldValidationException e) {
                throw new DataSourceException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': %s%s",
                        source.name(), row, line, read.name(), e.problem(), read.hint().isEmpty() ? "" : " " + read.hint()));
            }
        }

        void endRow() {
            rows++;
        }

        Table build() {
            List<TableColumn> columns = new ArrayList<>();
            for (int j = 0; j < plan.length; j++) {
                String name = plan[j].name();
                switch (builders[j]) {
                    case ColumnBuilders.Numbers numbers -> columns.add(numbers.build(name));
                    case ColumnBuilders.Categories categories -> columns.add(categories.build(name));
                    case TextColumn.Builder text -> columns.add(text.build(name));
                    case null -> {
                    }
                    default -> throw new IllegalStateException(builders[j].toString());
                }
            }
            return new Table(source.name(), rows, columns, null);
        }
    }
}
