package com.segments.adapters.files;

import com.segments.domain.feature.Field;
import com.segments.domain.feature.NumberText;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.transaction.Transaction;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                Pipeline pipeline = new Pipeline(csv, layout);
                String hash = pipeline.run(groupNames, transactions);
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
        private static final int BATCH = 2048;
        private static final Object[] END = new Object[0];
        private final CsvSource csv;
        private final LogLayout layout;
        volatile List<String> notes = List.of();
        private final java.util.concurrent.BlockingQueue<Object[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
        private volatile boolean stopped;
        private volatile RuntimeException failure;
        private volatile String sha256;

        Pipeline(CsvSource csv, LogLayout layout) {
            this.csv = csv;
            this.layout = layout;
        }

        String run(Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
            Thread reader = Thread.ofPlatform().name("log-reader").daemon().start(this::read);
            try {
                for (Object[] batch = take(); batch != END; batch = take()) {
                    if (batch.length == 1 && batch[0] instanceof List<?> names) {
                        groupNames.accept(names.stream().map(String.class::cast).toList());
                        continue;
                    }
                    for (Object t : batch) {
                        if (t == null) {
                            break;
                        }
                        transactions.accept((Transaction) t);
                    }
                }
            } finally {
                stopped = true;
                queue.clear();
                reader.interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return sha256;
        }

        private Object[] take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataSourceException(csv.name() + ": reading was interrupted", e);
            }
        }

        private void read() {
            Object[][] batch = {new Object[BATCH]};
            int[] filled = {0};
            try {
                LineHandler handler = new LineHandler(csv, layout, names -> put(new Object[] {names}), t -> {
                    batch[0][filled[0]++] = t;
                    if (filled[0] == BATCH) {
                        put(batch[0]);
                        batch[0] = new Object[BATCH];
                        filled[0] = 0;
                    }
                });
                sha256 = csv.parse(handler, reader -> {
                    for (Object ignored : reader) {
                        // the handler passes each transaction on as its line is built
                    }
                    handler.finish();
                });
                notes = handler.columns.notes();
                if (filled[0] > 0) {
                    put(batch[0]);
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                putEnd();
            }
        }

        private void put(Object[] batch) {
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
     * Reads one line at a time from FastCSV's slices into a transaction, and hands it on. The header and the first
     * rows are kept as text until the columns are found ({@link LogColumns}); those rows are then read like the rest.
     */
    private static final class LineHandler extends AbstractBaseCsvCallbackHandler<Object> {
        private final CsvSource csv;
        private final LogLayout layout;
        private final Consumer<List<String>> groupNames;
        private final Consumer<Transaction> transactions;
        private final StringPool pool = new StringPool();
        private final Map<GroupValues, String[]> groupArrays = new HashMap<>();
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

        LineHandler(CsvSource csv, LogLayout layout, Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
            this.csv = csv;
            this.layout = layout;
            this.groupNames = groupNames;
            this.transactions = transactions;
        }

        @Override
        protected void handleBegin(long line) {
            beginLine();
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
            field(index, buf, offset, length);
        }

        private void field(int index, char[] buf, int offset, int length) {
            if (index < slots.length) {
                if (slots[index] != null) {
                    slots[index].set(buf, offset, length);
                }
            } else if (index == slots.length) {
                extraField = new String(buf, offset, length);
            }
            // the line's identity, exactly as 31 * h + field.strip().hashCode() over every field
            hash = 31 * hash + strippedHash(buf, offset, length);
            hash ^= hash >>> 29;
        }

        @Override
        protected Object buildRecord() {
            if (getRecordType() != RecordType.DATA) {
                return Boolean.TRUE;
            }
            String[] record = columns == null ? Arrays.copyOf(fields, getFieldCount()) : null;
            if (header == null) {
                header = csv.header(record);
            } else if (columns == null) {
                csv.checkWidth(header, record.length, sample.size() + 1, getStartingLineNumber(), record);
                sample.add(record);
                sampleLines.add(getStartingLineNumber());
                if (sampleFull(sample.size())) {
                    startOrSampleMore(sample.size() * 2 > MAX_SAMPLE_ROWS);
                }
            } else {
                endLine(getFieldCount(), getStartingLineNumber());
            }
            return Boolean.TRUE;
        }

        /** After the last line: a log shorter than the sample is read now. */
        void finish() {
            if (header == null) {
                throw new DataSourceException(csv.name() + ": the file is empty (no header line)");
            }
            if (columns == null) {
                start();
            }
        }

        private void endLine(int fieldCount, long line) {
            row++;
            csv.checkWidth(header, fieldCount, row, line, extraField == null ? null : extra());
            transactions.accept(transaction(line));
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
            groupNames.accept(columns.groupNames());
            for (int r = 0; r < sample.size(); r++) {
                String[] line = sample.get(r);
                beginLine();
                for (int j = 0; j < line.length; j++) {
                    char[] chars = line[j].toCharArray();
                    field(j, chars, 0, chars.length);
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

        private Transaction transaction(long line) {
            double value = amount != null ? number(amount, line)
                    : number(quantity, line) * number(price, line);
            double items = 0;
            if (quantity != null) {
                double q = NumberText.parse(quantity.chars, 0, quantity.length);
                items = Double.isNaN(q) ? 0 : q;
            }
            String id = customer.isMissing() ? null : pool.intern(customer);
            return new Transaction(id, dates.day(date, row, line, header), value, items,
                    category == null ? null : pool.intern(category), invoice == null ? null : invoice.text(),
                    groupValues(), hash);
        }

        /** The line's group values; equal lines share one array (the aggregation keeps the first it sees). */
        private String[] groupValues() {
            if (groups.length == 0) {
                return new String[0];
            }
            String[] values = new String[groups.length];
            for (int g = 0; g < groups.length; g++) {
                values[g] = pool.intern(groups[g]);
            }
            return groupArrays.computeIfAbsent(new GroupValues(values), key -> values);
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

    /** Group values of a line, compared by the pooled strings' identity. */
    private record GroupValues(String[] values) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof GroupValues other) || other.values.length != values.length) {
                return false;
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] != other.values[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (String value : values) {
                h = 31 * h + System.identityHashCode(value);
            }
            return h;
        }
    }

    /** One field of the current line, trimmed, copied out of the parser's buffer. */
    static final class Slot {
        final int column;
        char[] chars = new char[32];
        int length;

        Slot(int column) {
            this.column = column;
        }

        void set(char[] buf, int offset, int count) {
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
     * The strings already seen, by content: ids, categories and group values repeat across millions of lines,
     * and looking a slice up here makes no string unless it is new.
     */
    static final class StringPool {
        private String[] table = new String[1024];
        private int shift = 32 - 10;
        private int size;

        /** Fibonacci hashing: ids such as C0000001, C0000002 have neighbouring hashes, which it scatters. */
        private int slot(int h) {
            return (h * 0x9E3779B9) >>> shift;
        }

        String intern(Slot slot) {
            int h = 0;
            for (int i = 0; i < slot.length; i++) {
                h = 31 * h + slot.chars[i];
            }
            int mask = table.length - 1;
            int at = slot(h);
            for (String candidate = table[at]; candidate != null; candidate = table[at]) {
                if (candidate.hashCode() == h && equal(candidate, slot)) {
                    return candidate;
                }
                at = (at + 1) & mask;
            }
            String created = slot.text();
            table[at] = created;
            if (++size * 2 > table.length) {
                grow();
            }
            return created;
        }

        private static boolean equal(String candidate, Slot slot) {
            if (candidate.length() != slot.length) {
                return false;
            }
            for (int i = 0; i < slot.length; i++) {
                if (candidate.charAt(i) != slot.chars[i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] old = table;
            table = new String[old.length * 2];
            shift--;
            int mask = table.length - 1;
            for (String s : old) {
                if (s != null) {
                    int at = slot(s.hashCode());
                    while (table[at] != null) {
                        at = (at + 1) & mask;
                    }
                    table[at] = s;
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
