package com.segments.adapters.files;

import com.segments.domain.feature.Field;
import com.segments.domain.feature.NumberText;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionBatch;
import com.segments.domain.transaction.LogColumns;
import com.segments.domain.feature.LogLayout;
import com.segments.domain.transaction.TransactionFiles;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Transaction logs in delimited files: the customer, date and amount columns (and where present quantity, unit
 * price, category, invoice and group attributes such as bank or location) are found by their names; every line
 * becomes a {@link Transaction}. An amount that is not a number or a date in no known format stops the read,
 * naming the row and column.
 *
 * <p>Logs run to tens of millions of lines, so a line is read from FastCSV's buffer slices: amounts and dates are
 * parsed in place, and customer ids, categories and group values are looked up in pools of the strings already
 * seen, so a customer's hundredth transaction makes no new string.
 */
public final class CsvTransactionFiles implements TransactionFiles {

    /** Rows of a log looked at to find its columns by content and to decide its date format. */
    static final int SAMPLE_ROWS = 500;

    /** Rows kept at most while the dates read both day-first and month-first. */
    static final int MAX_SAMPLE_ROWS = 128_000;

    @Override
    public LogFile open(Path file, Character delimiter, LogLayout layout) {
        CsvSource csv = CsvSource.open(file, delimiter);
        List<String>[] notes = new List[] {List.of()};
        return new LogFile() {
            @Override
            public String name() {
                return csv.name();
            }

            @Override
            public String location() {
                return csv.location();
            }

            @Override
            public List<String> groupNames() {
                return columns(csv, layout).groupNames();
            }

            @Override
            public String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
                TransactionBatch.Codes codes = new TransactionBatch.Codes();
                return readBatches(groupNames, batch -> {
                    codes.learn(batch);
                    for (int i = 0; i < batch.size(); i++) {
                        transactions.accept(codes.transaction(batch, i));
                    }
                }, true);
            }

            @Override
            public String readBatches(Consumer<List<String>> groupNames, Consumer<TransactionBatch> batches,
                                      boolean fingerprint) {
                Pipeline pipeline = new Pipeline(csv, layout, fingerprint);
                String hash = pipeline.run(groupNames, batches);
                notes[0] = pipeline.notes;
                return hash;
            }

            @Override
            public List<String> notes() {
                return notes[0];
            }
        };
    }

    /** Whether a sample of this many rows is ready to try: 500, 1,000, 2,000, ... rows. */
    static boolean sampleFull(int rows) {
        return rows % SAMPLE_ROWS == 0 && Integer.bitCount(rows / SAMPLE_ROWS) == 1;
    }

    /** The columns of a log, from its header and first rows only. */
    private static LogColumns.Found columns(CsvSource csv, LogLayout layout) {
        List<String>[] header = new List[1];
        List<String[]> sample = new ArrayList<>();
        LogColumns.Found[] found = new LogColumns.Found[1];
        try {
            csv.read(h -> header[0] = h, (row, line, fields) -> {
                sample.add(fields.toArray(String[]::new));
                if (sampleFull(sample.size())) {
                    try {
                        found[0] = LogColumns.find(csv.name(), header[0], sample, layout);
                        throw new SampleComplete();
                    } catch (LogColumns.AmbiguousDates e) {
                        if (sample.size() * 2 > MAX_SAMPLE_ROWS) {
                            throw e;
                        }
                    }
                }
            });
        } catch (SampleComplete enough) {
            return found[0]; // the rest of the file is not needed to find the columns
        }
        return LogColumns.find(csv.name(), header[0], sample, layout);
    }

    /** Stops a read once the sample is taken. */
    private static final class SampleComplete extends RuntimeException {
        SampleComplete() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads a log on a thread of its own while the caller's thread takes the transactions in batches: parsing and
     * aggregating each get a core. Whatever fails on the reading thread is thrown on the caller's, and a caller
     * that stops taking (its own failure) stops the reading.
     */
    private static final class Pipeline {
        private static final int BATCH = 4096;
        private static final Object END = new Object();
        private final CsvSource csv;
        private final LogLayout layout;
        volatile List<String> notes = List.of();
        private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
        private volatile boolean stopped;
        /** What stopped the reading thread: a refused line, or an Error (out of memory), rethrown to the caller. */
        private volatile Throwable failure;
        private volatile String sha256;

        private final boolean fingerprint;

        Pipeline(CsvSource csv, LogLayout layout, boolean fingerprint) {
            this.csv = csv;
            this.layout = layout;
            this.fingerprint = fingerprint;
        }

        String run(Consumer<List<String>> groupNames, Consumer<TransactionBatch> batches) {
            Thread reader = Thread.ofPlatform().name("log-reader").daemon().start(this::read);
            try {
                for (Object item = take(); item != END; item = take()) {
                    if (item instanceof List<?> names) {
                        groupNames.accept(names.stream().map(String.class::cast).toList());
                    } else {
                        batches.accept((TransactionBatch) item);
                    }
                }
            } finally {
                stopped = true;
                queue.clear();
                reader.interrupt();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return sha256;
        }

        private Object take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataSourceException(csv.name() + ": reading was interrupted", e);
            }
        }

        private void read() {
            try {
                LineHandler handler = new LineHandler(csv, layout, BATCH, this::put, this::put);
                sha256 = LogLines.read(csv, handler, fingerprint);
                handler.finish();
                notes = handler.columns.notes();
            } catch (RuntimeException | Error e) {
                failure = e; // an Error too: else the caller would take the lines read so far for the whole log
            } finally {
                putEnd();
            }
        }

        private void put(Object batch) {
            try {
                while (!stopped && !queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    // the caller is busy; wait for room unless it has stopped taking
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (stopped || Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("the reader of this log stopped taking lines");
            }
        }

        private void putEnd() {
            while (!stopped) {
                try {
                    if (queue.offer(END, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Reads one line at a time from FastCSV's slices into a batch of transactions, and hands on each batch as it
     * fills. The header and the first rows are kept as text until the columns are found ({@link LogColumns}); those
     * rows are then read like the rest.
     */
    private static final class LineHandler extends AbstractBaseCsvCallbackHandler<Object> implements LogLines.Handler {
        private final CsvSource csv;
        private final LogLayout layout;
        private final Consumer<List<String>> groupNames;
        private final Consumer<TransactionBatch> batches;
        private final int batchSize;
        private TransactionBatch batch;
        private final StringPool customers = new StringPool();
        private final PendingIds pendingIds;
        private final StringPool categories = new StringPool();
        private final StringPool groupValues = new StringPool();
        private PairCodes[] groupPrefixes; // per group column: codes of the values of the columns up to it
        private int[] groupLine;
        private List<String> header;
        private String[] fields = new String[16];
        private final List<String[]> sample = new ArrayList<>();
        private final List<Long> sampleLines = new ArrayList<>();
        LogColumns.Found columns;
        private Slot[] slots;
        private Slot customer;
        private Slot date;
        private Slot amount;
        private Slot quantity;
        private Slot price;
        private Slot category;
        private Slot invoice;
        private Slot[] groups;
        private long hash;
        private long row;
        private String extraField;
        private Dates dates;

        LineHandler(CsvSource csv, LogLayout layout, int batchSize, Consumer<List<String>> groupNames,
                    Consumer<TransactionBatch> batches) {
            this.csv = csv;
            this.layout = layout;
            this.groupNames = groupNames;
            this.batches = batches;
            this.batchSize = batchSize;
            this.batch = new TransactionBatch(batchSize);
            this.pendingIds = new PendingIds(batchSize);
        }

        private long lineOffset;

        @Override
        protected void handleBegin(long line) {
            beginLine();
        }

        @Override
        public void begin() {
            beginLine();
        }

        @Override
        public void field(int index, char[] buf, int offset, int length, int hash) {
            if (columns == null) {
                handleField(index, buf, offset, length, false);
                return;
            }
            boolean trimmed = length == 0
                    || !Character.isWhitespace(buf[offset]) && !Character.isWhitespace(buf[offset + length - 1]);
            slotField(index, buf, offset, length, trimmed ? hash : strippedHash(buf, offset, length));
        }

        @Override
        public void end(int fieldCount, long line) {
            record(fieldCount, line);
        }

        @Override
        public void continueAfter(long lines) {
            lineOffset = lines;
        }

        @Override
        public de.siegmar.fastcsv.reader.CsvCallbackHandler<?> fastCsv() {
            return this;
        }

        private void beginLine() {
            hash = 1125899906842597L;
            extraField = null;
            if (slots != null) {
                for (Slot slot : slots) {
                    if (slot != null) {
                        slot.length = 0;
                    }
                }
            }
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
            if (columns == null) {
                if (index == fields.length) {
                    fields = Arrays.copyOf(fields, index * 2);
                }
                fields[index] = new String(buf, offset, length);
                return;
            }
            slotField(index, buf, offset, length, strippedHash(buf, offset, length));
        }

        private void slotField(int index, char[] buf, int offset, int length, int stripped) {
            if (index < slots.length) {
                if (slots[index] != null) {
                    slots[index].set(buf, offset, length, stripped);
                }
            } else if (index == slots.length) {
                extraField = new String(buf, offset, length);
            }
            // the line's identity, exactly as 31 * h + field.strip().hashCode() over every field
            hash = 31 * hash + stripped;
            hash ^= hash >>> 29;
        }

        @Override
        protected Object buildRecord() {
            if (getRecordType() == RecordType.DATA) {
                record(getFieldCount(), lineOffset + getStartingLineNumber());
            }
            return Boolean.TRUE;
        }

        private void record(int fieldCount, long line) {
            String[] record = columns == null ? Arrays.copyOf(fields, fieldCount) : null;
            if (header == null) {
                header = csv.header(record);
            } else if (columns == null) {
                csv.checkWidth(header, record.length, sample.size() + 1, line, record);
                sample.add(record);
                sampleLines.add(line);
                if (sampleFull(sample.size())) {
                    startOrSampleMore(sample.size() * 2 > MAX_SAMPLE_ROWS);
                }
            } else {
                endLine(fieldCount, line);
            }
        }

        /** After the last line: a log shorter than the sample is read now. */
        void finish() {
            if (header == null) {
                throw new DataSourceException(csv.name() + ": the file is empty (no header line)");
            }
            if (columns == null) {
                start();
            }
            if (batch.size() > 0) {
                handOn();
            }
        }

        private void endLine(int fieldCount, long line) {
            row++;
            csv.checkWidth(header, fieldCount, row, line, extraField == null ? null : extra());
            add(line);
            if (batch.isFull()) {
                handOn();
            }
        }

        /** Looks up the batch's customer ids and hands it on. */
        private void handOn() {
            pendingIds.resolve(customers, batch);
            batches.accept(batch);
            batch = new TransactionBatch(batchSize);
        }

        private String[] extra() {
            String[] fields = new String[header.size() + 1];
            fields[header.size()] = extraField;
            return fields;
        }

        /**
         * Finds the columns, unless the dates still read both day-first and month-first and more rows may tell (the
         * sample doubles up to {@value #MAX_SAMPLE_ROWS} rows).
         */
        private void startOrSampleMore(boolean last) {
            try {
                start();
            } catch (LogColumns.AmbiguousDates e) {
                if (last) {
                    throw e;
                }
            }
        }

        /** Finds the columns from the header and the sample, then reads the sampled lines. */
        private void start() {
            columns = LogColumns.find(csv.name(), header, sample, layout);
            dates = new Dates(csv.name(), columns.dateFormat());
            slots = new Slot[header.size()];
            customer = slot(columns.customer());
            date = slot(columns.date());
            amount = slot(columns.amount());
            quantity = slot(columns.quantity());
            price = slot(columns.price());
            category = slot(columns.category());
            invoice = slot(columns.invoice());
            groups = Arrays.stream(columns.groups()).mapToObj(this::slot).toArray(Slot[]::new);
            groupPrefixes = Arrays.stream(groups).map(g -> new PairCodes()).toArray(PairCodes[]::new);
            groupLine = new int[groups.length];
            groupNames.accept(columns.groupNames());
            for (int r = 0; r < sample.size(); r++) {
                String[] line = sample.get(r);
                beginLine();
                for (int j = 0; j < line.length; j++) {
                    char[] chars = line[j].toCharArray();
                    slotField(j, chars, 0, chars.length, strippedHash(chars, 0, chars.length));
                }
                endLine(line.length, sampleLines.get(r));
            }
            sample.clear();
        }

        private Slot slot(int column) {
            if (column < 0) {
                return null;
            }
            if (slots[column] == null) {
                slots[column] = new Slot(column);
            }
            return slots[column];
        }

        private void add(long line) {
            double value = amount != null ? number(amount, line)
                    : number(quantity, line) * number(price, line);
            double items = 0;
            if (quantity != null) {
                double q = NumberText.parse(quantity.chars, 0, quantity.length);
                items = Double.isNaN(q) ? 0 : q;
            }
            int id = TransactionBatch.NONE;
            if (!customer.isMissing()) {
                id = pendingIds.size(); // a placeholder: ids are looked up a batch at a time, when it is full
                pendingIds.add(customer, batch.size());
            }
            long day = dates.day(date, row, line, header);
            int spent = category == null ? TransactionBatch.NONE : code(categories, category);
            batch.add(id, day, value, items, spent, invoice == null ? null : invoice.text(), groupCode(), hash);
        }

        /** The code of a slice's text, telling the batch when the text is new. */
        private int code(StringPool pool, Slot slot) {
            int code = pool.code(slot);
            if (pool.isNew()) {
                batch.newCategory(pool.text(code));
            }
            return code;
        }

        /** The code of the line's group values (equal values, one code), or none when the log has no groups. */
        private int groupCode() {
            if (groups.length == 0) {
                return TransactionBatch.NONE;
            }
            int code = -1;
            for (int g = 0; g < groups.length; g++) {
                groupLine[g] = groupValues.code(groups[g]);
                code = groupPrefixes[g].code(code, groupLine[g]);
            }
            if (groupPrefixes[groups.length - 1].isNew()) {
                String[] values = new String[groups.length];
                for (int g = 0; g < groups.length; g++) {
                    values[g] = groupValues.text(groupLine[g]);
                }
                batch.newGroups(values);
            }
            return code;
        }

        private double number(Slot slot, long line) {
            double v = NumberText.parse(slot.chars, 0, slot.length);
            if (Double.isNaN(v)) {
                throw new DataSourceException(String.format(Locale.ROOT,
                        "%s: row %d (line %d), column '%s': \"%s\" is not a number", csv.name(), row, line,
                        header.get(slot.column), new String(slot.chars, 0, slot.length)));
            }
            return v;
        }
    }

    /** The hash of the slice's text with spaces around it taken off, equal to {@code String.hashCode} of it. */
    static int strippedHash(char[] buf, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(buf[end - 1])) {
            end--;
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    /** The customer ids of a batch's lines, kept until the batch is full and they are looked up together. */
    static final class PendingIds {
        private char[] chars = new char[1 << 15];
        private final int[] starts;
        private final int[] lines;
        private final int[] hashes;
        private final int[] codes;
        private final boolean[] isNew;
        private int size;

        PendingIds(int capacity) {
            starts = new int[capacity + 1];
            lines = new int[capacity];
            hashes = new int[capacity];
            codes = new int[capacity];
            isNew = new boolean[capacity];
        }

        int size() {
            return size;
        }

        void add(Slot id, int line) {
            int start = starts[size];
            if (start + id.length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + id.length));
            }
            System.arraycopy(id.chars, 0, chars, start, id.length);
            hashes[size] = id.hash;
            lines[size] = line;
            starts[++size] = start + id.length;
        }

        /** Gives the batch's lines their customer codes, telling the batch which ids are new, and empties. */
        void resolve(StringPool pool, TransactionBatch batch) {
            pool.codes(chars, starts, size, hashes, codes, isNew);
            for (int i = 0; i < size; i++) {
                if (isNew[i]) {
                    batch.newCustomer(pool.text(codes[i]));
                }
                batch.setCustomer(lines[i], codes[i]);
            }
            size = 0;
        }
    }

    /** One field of the current line, trimmed, copied out of the parser's buffer. */
    static final class Slot {
        final int column;
        char[] chars = new char[32];
        int length;
        int hash; // String.hashCode of the trimmed text

        Slot(int column) {
            this.column = column;
        }

        void set(char[] buf, int offset, int count, int strippedHash) {
            hash = strippedHash;
            int start = offset;
            int end = offset + count;
            while (start < end && Character.isWhitespace(buf[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(buf[end - 1])) {
                end--;
            }
            length = end - start;
            if (length > chars.length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            System.arraycopy(buf, start, chars, 0, length);
        }

        boolean isMissing() {
            return NumberText.isMissing(chars, 0, length);
        }

        String text() {
            return new String(chars, 0, length);
        }
    }

    /**
     * Codes for the texts already seen, by content: ids, categories and group values repeat across millions of lines,
     * and looking a slice up here makes no string unless it is new. Codes are 0, 1, 2, ... in order of first sight.
     * A log over hundreds of thousands of customers looks an id up at random on every line, so the table holds each
     * text's hash beside where its characters are, and the characters of all texts lie in one array: a look-up
     * costs about two cache misses, where a table of strings costs four (the slot, the string, its bytes).
     */
    static final class StringPool {
        private long[] table = new long[1024]; // hash << 32 | (position in chars + 1); 0: empty
        private int shift = 64 - 10;
        private char[] chars = new char[1 << 14]; // per text: its code (two chars), its length (two chars), its chars
        private int used;
        private String[] texts = new String[256];
        private int size;
        private boolean created;

        /** Fibonacci hashing: ids such as C0000001, C0000002 have neighbouring hashes, which it scatters. */
        private int slot(int h) {
            return (int) ((h * 0x9E3779B97F4A7C15L) >>> shift);
        }

        /** The code of the slice's text, a new one when it was not seen before ({@link #isNew()} then says so). */
        int code(Slot slot) {
            return code(slot.chars, 0, slot.length, slot.hash);
        }

        /**
         * The codes of many texts ({@code texts} from {@code starts[i]} to {@code starts[i + 1]}), in order. The
         * table and the characters are touched for every text first: those loads do not wait for each other, so their
         * cache misses overlap instead of coming one after the other as they do text by text.
         *
         * @param hashes each text's {@code String.hashCode}
         * @param isNew  set for each text that got a new code
         */
        void codes(char[] texts, int[] starts, int count, int[] hashes, int[] codes, boolean[] isNew) {
            long touched = 0;
            for (int from = 0; from < count; from += PREFETCHED) {
                int to = Math.min(count, from + PREFETCHED);
                for (int i = from; i < to; i++) {
                    touched += table[slot(hashes[i])];
                }
                for (int i = from; i < to; i++) {
                    long entry = table[slot(hashes[i])];
                    if (entry != 0 && (int) (entry >>> 32) == hashes[i]) {
                        touched += chars[(int) entry - 1];
                    }
                }
                for (int i = from; i < to; i++) {
                    codes[i] = code(texts, starts[i], starts[i + 1] - starts[i], hashes[i]);
                    isNew[i] = created;
                }
            }
            sink = touched; // keeps the touching loads
        }

        /** Texts whose table slots and characters are brought into the cache together, ahead of looking them up. */
        private static final int PREFETCHED = 256;

        /** Written so that no compiler drops the loads that only bring the table into the cache. */
        static volatile long sink;

        private int code(char[] text, int offset, int length, int h) {
            int mask = table.length - 1;
            for (int at = slot(h); ; at = (at + 1) & mask) {
                long entry = table[at];
                if (entry == 0) {
                    created = true;
                    return add(at, h, text, offset, length);
                }
                if ((int) (entry >>> 32) == h) {
                    int position = (int) entry - 1;
                    if (((chars[position + 2] << 16) | chars[position + 3]) == length
                            && Arrays.equals(chars, position + 4, position + 4 + length, text, offset, offset + length)) {
                        created = false;
                        return (chars[position] << 16) | chars[position + 1];
                    }
                }
            }
        }

        /** Whether the last {@link #code} made a new code. */
        boolean isNew() {
            return created;
        }

        int size() {
            return size;
        }

        String text(int code) {
            return texts[code];
        }

        private int add(int at, int h, char[] text, int offset, int length) {
            int code = size++;
            if (used + 4 + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + 4 + length));
            }
            int position = used;
            chars[position] = (char) (code >>> 16);
            chars[position + 1] = (char) code;
            chars[position + 2] = (char) (length >>> 16);
            chars[position + 3] = (char) length;
            System.arraycopy(text, offset, chars, position + 4, length);
            used += 4 + length;
            table[at] = ((long) h << 32) | (position + 1L);
            if (code == texts.length) {
                texts = Arrays.copyOf(texts, code * 2);
            }
            texts[code] = new String(text, offset, length);
            if (size * 2 > table.length) {
                grow();
            }
            return code;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            shift--;
            int mask = table.length - 1;
            for (long entry : old) {
                if (entry != 0) {
                    int at = slot((int) (entry >>> 32));
                    while (table[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    table[at] = entry;
                }
            }
        }
    }

    /** Codes for pairs of ints (a code so far and the next value's code), 0, 1, 2, ... in order of first sight. */
    static final class PairCodes {
        private long[] keys = new long[64];
        private int[] codes = new int[64];
        private int size;
        private boolean created;

        int code(int first, int second) {
            long key = ((long) first << 32) | (second & 0xffffffffL);
            int mask = keys.length - 1;
            int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            for (; codes[at] != 0; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    created = false;
                    return codes[at] - 1;
                }
            }
            keys[at] = key;
            codes[at] = ++size;
            created = true;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        boolean isNew() {
            return created;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCodes = codes;
            keys = new long[oldKeys.length * 2];
            codes = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCodes[i] != 0) {
                    int at = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                    while (codes[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    keys[at] = oldKeys[i];
                    codes[at] = oldCodes[i];
                }
            }
        }
    }

    /**
     * Dates of a log: the format is decided by the first row; ISO dates are read digit by digit, and the last date
     * read is remembered, since a log's lines come in date order.
     */
    private static final class Dates {
        private final String source;
        private final String format;
        private final boolean iso;
        private final char[] last = new char[32];
        private int lastLength = -1;
        private long lastDay;

        Dates(String source, String format) {
            this.source = source;
            this.format = format;
            this.iso = format.startsWith("yyyy-MM-dd");
        }

        long day(Slot slot, long row, long line, List<String> header) {
            if (slot.length == lastLength && Arrays.equals(slot.chars, 0, slot.length, last, 0, lastLength)) {
                return lastDay;
            }
            long day = parse(slot, row, line, header);
            if (slot.length <= last.length) {
                System.arraycopy(slot.chars, 0, last, 0, slot.length);
                lastLength = slot.length;
                lastDay = day;
            }
            return day;
        }

        private long parse(Slot slot, long row, long line, List<String> header) {
            if (iso) {
                long day = isoDay(slot.chars, slot.length);
                if (day != Long.MIN_VALUE) {
                    return day;
                }
            }
            try {
                return Field.parseDate(slot.text(), format).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new DataSourceException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': \"%s\" is "
                        + "not a date written as %s (the format of the column's first rows)", source, row, line,
                        header.get(slot.column), slot.text(), format.replaceAll("\\[.*", "")));
            }
        }

        /** The day of a text starting {@code yyyy-MM-dd}, or {@code Long.MIN_VALUE}. */
        private static long isoDay(char[] c, int length) {
            if (length < 10 || c[4] != '-' || c[7] != '-') {
                return Long.MIN_VALUE;
            }
            int y = digits(c, 0, 4);
            int m = digits(c, 5, 7);
            int d = digits(c, 8, 10);
            if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
                return Long.MIN_VALUE;
            }
            try {
                return LocalDate.of(y, m, d).toEpochDay();
            } catch (DateTimeException e) {
                return Long.MIN_VALUE;
            }
        }

        private static int digits(char[] s, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = s[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }
}
