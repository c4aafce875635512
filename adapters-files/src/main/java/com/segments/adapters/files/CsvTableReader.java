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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        try (CellPipeline cells = new CellPipeline()) {
            Handler handler = new Handler(sampleRows, planner, blockRows, blocks, cells);
            String sha256;
            try {
                sha256 = source.parse(handler, reader -> {
                    for (Object ignored : reader) {
                        // the handler does the work as each record is built
                    }
                    handler.finish();
                    drained.run();
                });
            } catch (RuntimeException e) {
                // Rows before the one that failed here may hold a bad value the cell thread has not reached yet:
                // that error comes first in the file, so it is the one reported, as a one-thread read would.
                handler.drainBefore(e);
                throw e;
            }
            return new Result(handler.rows, new DataFingerprint(source.location(), handler.rows, sha256));
        }
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
        private final CellPipeline cells;
        private ColumnRead[] plan;
        /** Touched only by the cell thread once the plan is made. */
        private Block block;
        private RawRows raw;
        /** Batches the cell thread has finished with, for the reading thread to fill again. */
        private final ConcurrentLinkedQueue<RawRows> spare = new ConcurrentLinkedQueue<>();
        private String extraField;
        long rows;

        Handler(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows, Consumer<Table> blocks,
                CellPipeline cells) {
            this.sampleRows = sampleRows;
            this.planner = planner;
            this.blockRows = blockRows;
            this.blocks = blocks;
            this.cells = cells;
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
                raw.add(index, buf, offset, length);
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
            source.checkWidth(header, getFieldCount(), rows + 1, getStartingLineNumber(),
                    extraField == null ? null : extraFieldRow());
            rows++; // counted once whole: a row that fails is rows + 1 to drainBefore
            raw.endRow(rows, getStartingLineNumber());
            if (raw.full()) {
                handOver();
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
            block = new Block(plan, blockRows); // before the cell thread first runs: it is handed over with the task
            raw = new RawRows(plan.length);
            for (int r = 0; r < sample.size(); r++) {
                String[] row = sample.get(r);
                rows++;
                for (int j = 0; j < plan.length; j++) {
                    char[] cell = row[j].toCharArray();
                    raw.add(j, cell, 0, cell.length);
                }
                raw.endRow(rows, lines[r]);
                if (raw.full()) {
                    handOver();
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
            handOver();
            cells.submit(() -> {
                if (block.rows > 0) {
                    flush();
                }
            });
            cells.await();
        }

        /**
         * After a failure on the reading side: the rows read before it, and the cells of the failing row read before
         * the failure, go through the cell thread first, and an error there wins, as it would have come first.
         */
        void drainBefore(RuntimeException failure) {
            if (raw != null && !cells.failed()) {
                RawRows before = raw;
                raw = new RawRows(plan.length);
                long row = rows + 1;
                long line = getStartingLineNumber();
                cells.submit(() -> {
                    typeRows(before);
                    for (int j = 0; j < before.partialCells(); j++) {
                        int cell = before.rows * before.width + j;
                        block.add(j, before.text, before.starts[cell], before.starts[cell + 1] - before.starts[cell],
                                row, line);
                    }
                });
            }
            cells.awaitFirstFailure(failure);
        }

        /** Passes the rows read so far to the cell thread, and starts a new batch. */
        private void handOver() {
            if (raw.rows == 0) {
                return;
            }
            RawRows full = raw;
            RawRows reused = spare.poll();
            raw = reused != null ? reused : new RawRows(plan.length);
            cells.submit(() -> {
                typeRows(full);
                spare.add(full.clear());
            });
        }

        /** On the cell thread: each cell through its column's reader, blocks handed on as they fill. */
        private void typeRows(RawRows batch) {
            for (int r = 0; r < batch.rows; r++) {
                int first = r * batch.width;
                for (int j = 0; j < plan.length; j++) {
                    int from = batch.starts[first + j];
                    block.add(j, batch.text, from, batch.starts[first + j + 1] - from, batch.rowNumbers[r],
                            batch.lines[r]);
                }
                block.endRow();
                if (block.rows == blockRows) {
                    flush();
                }
            }
        }

        private void flush() {
            blocks.accept(block.build());
            block = new Block(plan, blockRows);
        }
    }

    /**
     * The cells of a few thousand rows as read, one text buffer and where each cell starts: the reading thread
     * fills it while the cell thread turns the previous batch into numbers, codes and text. A row's cells are
     * contiguous. (Every complete row has the header's width: the width check refuses any other.)
     */
    static final class RawRows {

        /** Rows per batch: big enough to keep hand-overs rare, small enough to stay in cache. */
        static final int ROWS = 4096;

        final int width;
        char[] text = new char[ROWS * 64];
        final int[] starts;
        final long[] rowNumbers = new long[ROWS];
        final long[] lines = new long[ROWS];
        int length;
        int rows;
        private int filled; // cells of the current row so far

        RawRows(int width) {
            this.width = width;
            this.starts = new int[ROWS * width + 1];
        }

        /** Cell {@code index} of the current row; FastCSV hands a row's cells over in order, from 0. */
        void add(int index, char[] buf, int offset, int cellLength) {
            if (length + cellLength > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, length + cellLength));
            }
            System.arraycopy(buf, offset, text, length, cellLength);
            length += cellLength;
            filled = index + 1;
            starts[rows * width + filled] = length;
        }

        /** Ends a row whose {@code width} cells were added (the width check refuses any other). */
        void endRow(long rowNumber, long line) {
            rowNumbers[rows] = rowNumber;
            lines[rows] = line;
            rows++;
            filled = 0;
        }

        boolean full() {
            return rows == ROWS;
        }

        RawRows clear() {
            length = 0;
            rows = 0;
            filled = 0;
            return this;
        }

        /** Cells read of a row not ended yet (the row a failure stopped in). */
        int partialCells() {
            return filled;
        }
    }

    /**
     * The cell thread: batches of raw rows are typed on it one after another, in the order read, while the reading
     * thread goes on. At most {@link #IN_FLIGHT} batches wait, so memory stays a few batches whatever the file. The
     * first failure on it stops it: batches queued behind the failed one do nothing, and the reading thread meets
     * the failure at its next hand-over or wait. On two cores this splits a read into tokenising and typing, which took about the same
     * time on one thread.
     */
    static final class CellPipeline implements AutoCloseable {

        private static final int IN_FLIGHT = 2;

        private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "csv-cells");
            thread.setDaemon(true);
            return thread;
        });
        private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        private RuntimeException failure;
        /** Set on the cell thread by the first batch that fails: the batches queued behind it do nothing. */
        private volatile boolean stopped;

        void submit(Runnable batch) {
            if (failure != null) {
                throw failure;
            }
            while (inFlight.size() >= IN_FLIGHT) {
                awaitOldest();
            }
            inFlight.add(worker.submit(() -> {
                if (stopped) {
                    return;
                }
                try {
                    batch.run();
                } catch (RuntimeException | Error e) {
                    stopped = true;
                    throw e;
                }
            }));
        }

        boolean failed() {
            return failure != null;
        }

        /** Waits for every batch handed over; throws the first failure among them. */
        void await() {
            while (!inFlight.isEmpty()) {
                awaitOldest();
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Waits for every batch; throws a failure among them unless it is {@code readingFailure} itself. */
        void awaitFirstFailure(RuntimeException readingFailure) {
            try {
                await();
            } catch (RuntimeException cellFailure) {
                if (cellFailure != readingFailure) {
                    throw cellFailure;
                }
            }
        }

        private void awaitOldest() {
            Future<?> oldest = inFlight.poll();
            try {
                oldest.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new CancellationException("reading was interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            if (failure != null) {
                inFlight.forEach(f -> f.cancel(false));
                inFlight.clear();
                throw failure;
            }
        }

        /**
         * Stops the cell thread and waits for it, so that nothing it does (handing a block on) can happen after the
         * read has returned or thrown. An interrupt stops the batch in hand at its next block; it is kept for the
         * caller.
         */
        @Override
        public void close() {
            stopped = true;
            inFlight.forEach(f -> f.cancel(false));
            worker.shutdown();
            boolean interrupted = false;
            while (!worker.isTerminated()) {
                try {
                    if (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
                        worker.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    worker.shutdownNow();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
