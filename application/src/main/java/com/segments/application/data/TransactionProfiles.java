package com.segments.application.data;

import com.segments.domain.feature.Field;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionStore;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a transaction log into one profile per customer, in one streaming pass whose memory grows with the number
 * of customers, not of transactions: spend per category (total and share), recency / frequency / monetary value,
 * average ticket, tenure, active months, and the customer's group attributes.
 *
 * <p>Rules, each counted in the summary:
 * <ul>
 *   <li>a row without a customer id is excluded;</li>
 *   <li>a cancellation (an invoice number starting with {@code C}) is excluded;</li>
 *   <li>a refund (negative amount) is excluded from spend;</li>
 *   <li>a zero amount is excluded (no purchase);</li>
 *   <li>an exact duplicate of a row already accepted for the same customer on the same date is excluded (duplicates
 *       are looked for within a customer's latest date, which keeps memory bounded on date-ordered logs);</li>
 *   <li>frequency counts distinct invoices when there is an invoice column (lines of one invoice are one visit),
 *       else transactions;</li>
 *   <li>recency is days from the customer's last purchase to the log's last date (of any row, excluded or not);
 *       tenure, from the customer's first purchase to that date;</li>
 *   <li>group attributes take the first value seen for a customer; customers seen under several values are counted;</li>
 *   <li>at most {@value #MAX_CATEGORIES} categories get their own columns, in order of appearance; later ones are
 *       summed as "Other".</li>
 * </ul>
 * A cell that cannot be read (an amount that is not a number, a date in no known format) is an error naming the
 * row and column: silently skipping it would misstate a customer's spend.
 */
public final class TransactionProfiles {

    static final int MAX_CATEGORIES = 30;

    private TransactionProfiles() {
    }

    /** A transaction log: a CSV file or a database table. */
    public interface Source {
        /** A name for messages. */
        String name();

        /** Where the rows come from, for the fingerprint. */
        String location();

        /**
         * Reads every transaction in order: first the names of the group attributes (bank, location, ...) the
         * transactions carry, then the transactions.
         *
         * @return a hash of the content read
         */
        String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions);
    }

    /** The transactions of a CSV file, columns found by their names in the header. */
    public static Source csv(java.nio.file.Path file, Character delimiter) {
        return csv(CsvSource.open(file, delimiter));
    }

    public static Source csv(CsvSource csv) {
        return new Source() {
            @Override
            public String name() {
                return csv.name();
            }

            @Override
            public String location() {
                return csv.file().toAbsolutePath().normalize().toString();
            }

            @Override
            public String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
                LineReader reader = new LineReader(csv.name());
                return csv.read(header -> groupNames.accept(reader.header(header)),
                        (row, line, fields) -> transactions.accept(reader.parse(row, line, fields)));
            }
        };
    }

    /**
     * What aggregation did: rows read, accepted and excluded by reason, customers, and the dates covered.
     */
    public record Summary(String source, long rowsRead, long accepted, Map<String, Long> excluded, long customers,
                          LocalDate firstDate, LocalDate lastDate, List<String> notes) {
        public Summary {
            excluded = Map.copyOf(excluded);
            notes = List.copyOf(notes);
        }

        /** Lines a report prints: every exclusion with its count, then the notes. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "%s: %,d rows read, %,d accepted, %,d customers, %s to %s", source,
                    rowsRead, accepted, customers, firstDate, lastDate));
            excluded.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    lines.add(String.format(Locale.ROOT, "excluded %,d row(s): %s", e.getValue(), e.getKey())));
            lines.addAll(notes);
            return lines;
        }
    }

    /** Profiles (one row per customer) and what it took to make them. */
    public record Result(RawTable table, Summary summary) {
    }

    /** The group attributes a CSV log carries (read from its header only). */
    public static List<String> groupNames(CsvSource csv) {
        LineReader reader = new LineReader(csv.name());
        return reader.header(csv.header());
    }

    /** The transactions stored in {@code fact_transactions}. */
    public static Source stored(TransactionStore store) {
        return new Source() {
            @Override
            public String name() {
                return "fact_transactions";
            }

            @Override
            public String location() {
                return "table fact_transactions";
            }

            @Override
            public String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
                long[] hash = {17};
                long rows = store.read(groupNames, t -> {
                    hash[0] = hash[0] * 31 + t.lineHash();
                    transactions.accept(t);
                });
                return Long.toHexString(hash[0]) + "-" + rows;
            }
        };
    }

    /** Aggregates a log; {@code asOf} is the day recency is counted to (null: the log's last date). */
    public static Result aggregate(Source source, LocalDate asOf) {
        Aggregator aggregator = new Aggregator(source.name());
        String sha256 = source.read(aggregator::groups, aggregator::add);
        return aggregator.finish(source, sha256, asOf);
    }

    // ---------------------------------------------------------------- per customer

    private static final class Customer {
        long visits;
        double monetary;
        double items;
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        double[] spend = new double[0];
        long monthsLow;      // months firstMonth .. firstMonth + 63, one bit each
        int[] monthsOutside = new int[0]; // months outside that window (logs that are not date-ordered)
        int firstMonth = Integer.MIN_VALUE;
        String[] groups;
        boolean groupConflict;
        long dupDay = Long.MIN_VALUE;
        final SmallLongSet dayLines = new SmallLongSet();
        SmallLongSet invoices; // only for logs with an invoice column

        void month(int month) {
            if (firstMonth == Integer.MIN_VALUE) {
                firstMonth = month;
            }
            int offset = month - firstMonth;
            if (offset >= 0 && offset < 64) {
                monthsLow |= 1L << offset;
            } else if (Arrays.stream(monthsOutside).noneMatch(m -> m == month)) {
                monthsOutside = Arrays.copyOf(monthsOutside, monthsOutside.length + 1);
                monthsOutside[monthsOutside.length - 1] = month;
            }
        }

        int activeMonths() {
            return Long.bitCount(monthsLow) + monthsOutside.length;
        }

        /** True when the row hash was already seen on this customer's latest date. */
        boolean duplicate(long day, long hash) {
            if (day != dupDay) {
                dupDay = day;
                dayLines.clear();
            }
            return !dayLines.add(hash);
        }

        /** True when this invoice is new for the customer. */
        boolean newInvoice(long hash) {
            if (invoices == null) {
                invoices = new SmallLongSet();
            }
            return invoices.add(hash);
        }
    }

    /**
     * A few longs per customer, searched newest first (the lines of one invoice, or of one day, usually come
     * together), grown as needed.
     */
    static final class SmallLongSet {
        private long[] values = new long[0];
        private int size;

        /** Adds the value; false when it was there already. */
        boolean add(long value) {
            for (int i = size - 1; i >= 0; i--) {
                if (values[i] == value) {
                    return false;
                }
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(4, size * 2));
            }
            values[size++] = value;
            return true;
        }

        void clear() {
            size = 0;
        }
    }

    /** Reads the lines of a CSV log into transactions: finds the columns, parses amounts and dates. */
    static final class LineReader {
        private final String source;
        private List<String> header;
        private int customerAt = -1;
        private int amountAt = -1;
        private int quantityAt = -1;
        private int priceAt = -1;
        private int dateAt = -1;
        private int categoryAt = -1;
        private int invoiceAt = -1;
        private int[] groupAt = new int[0];
        private String dateFormat;
        private boolean isoDates;

        LineReader(String source) {
            this.source = source;
        }

        /** Finds the columns; returns the group attributes' names. */
        List<String> header(List<String> names) {
            header = names;
            customerAt = find(names, "customer_id", "customerid", "cust_id",
                    "client_id", "customer", "id");
            dateAt = find(names, "date", "invoicedate", "invoice_date", "transaction_date",
                    "txn_date", "timestamp", "datetime", "purchase_date");
            amountAt = find(names, "amount", "dollar_value", "totalprice", "total_price",
                    "total", "value", "spend", "price_total");
            quantityAt = find(names, "quantity", "qty", "number_of_cds", "items");
            if (amountAt < 0) {
                priceAt = find(names, "unitprice", "unit_price", "price");
                if (quantityAt < 0 || priceAt < 0) {
                    throw new DataFileException(source + ": no amount column (amount, dollar_value, TotalPrice, ...) and no "
                            + "quantity and unit price to compute one from; header: " + names);
                }
            }
            categoryAt = find(names, "category", "merchant_category", "spend_category");
            invoiceAt = find(names, "invoiceno", "invoice_no", "invoice", "order_id",
                    "order_no");
            if (customerAt < 0) {
                throw new DataFileException(source + ": no customer id column (customer_id, CustomerID, ...) in " + names);
            }
            if (dateAt < 0) {
                throw new DataFileException(source + ": no date column (date, InvoiceDate, ...) in " + names);
            }
            List<Integer> groups = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (j != customerAt && j != categoryAt && FeaturePipeline.looksLikeGroup(names.get(j))) {
                    groups.add(j);
                }
            }
            groupAt = groups.stream().mapToInt(Integer::intValue).toArray();
            return groups.stream().map(names::get).toList();
        }

        /** The first column named like one of the candidates (case and spaces aside), or -1. */
        private static int find(List<String> names, String... candidates) {
            for (String candidate : candidates) {
                for (int j = 0; j < names.size(); j++) {
                    if (names.get(j).strip().replace(" ", "_").equalsIgnoreCase(candidate)) {
                        return j;
                    }
                }
            }
            return -1;
        }

        Transaction parse(long row, long line, List<String> fields) {
            String id = fields.get(customerAt).strip();
            double amount = amountAt >= 0 ? number(fields, amountAt, row, line)
                    : number(fields, quantityAt, row, line) * number(fields, priceAt, row, line);
            double items = 0;
            if (quantityAt >= 0) {
                double q = Cells.parseNumber(fields.get(quantityAt));
                items = Double.isNaN(q) ? 0 : q;
            }
            String[] groups = new String[groupAt.length];
            for (int g = 0; g < groupAt.length; g++) {
                groups[g] = fields.get(groupAt[g]).strip();
            }
            return new Transaction(Field.isMissingText(id) ? null : id, day(fields.get(dateAt), row, line), amount, items,
                    categoryAt < 0 ? null : fields.get(categoryAt).strip(),
                    invoiceAt < 0 ? null : fields.get(invoiceAt).strip(), groups, lineHash(fields));
        }

        private static long lineHash(List<String> fields) {
            long h = 1125899906842597L;
            for (String f : fields) {
                h = 31 * h + f.strip().hashCode();
                h ^= h >>> 29;
            }
            return h;
        }

        private double number(List<String> fields, int at, long row, long line) {
            double v = Cells.parseNumber(fields.get(at));
            if (Double.isNaN(v)) {
                throw new DataFileException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': \"%s\" is not a number",
                        source, row, line, header.get(at), fields.get(at)));
            }
            return v;
        }

        private long day(String cell, long row, long line) {
            String text = cell.strip();
            if (dateFormat == null) {
                dateFormat = detectFormat(text);
                if (dateFormat == null) {
                    throw new DataFileException(String.format(Locale.ROOT,
                            "%s: row %d (line %d), column '%s': \"%s\" is not a date in a known format %s", source, row,
                            line, header.get(dateAt), cell, FeaturePipeline.DATE_FORMATS));
                }
                isoDates = dateFormat.startsWith("yyyy-MM-dd");
            }
            if (isoDates) {
                if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                    int y = digits(text, 0, 4);
                    int m = digits(text, 5, 7);
                    int d = digits(text, 8, 10);
                    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                        try {
                            return LocalDate.of(y, m, d).toEpochDay();
                        } catch (java.time.DateTimeException e) {
                            // falls through to the error below
                        }
                    }
                }
            } else {
                try {
                    return Field.parseDate(text, dateFormat).toEpochDay();
                } catch (DateTimeParseException e) {
                    // falls through
                }
            }
            throw new DataFileException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': \"%s\" is not a date "
                    + "written as %s (the format of the first row)", source, row, line, header.get(dateAt), cell, dateFormat));
        }

        private static int digits(String s, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private static String detectFormat(String text) {
            for (String format : FeaturePipeline.DATE_FORMATS) {
                try {
                    Field.parseDate(text, format);
                    return format;
                } catch (DateTimeParseException e) {
                    // next
                }
            }
            return null;
        }
    }

    /** Applies the rules and accumulates one {@link Customer} per id. */
    private static final class Aggregator {
        private final String source;
        private final Map<String, Customer> customers = new LinkedHashMap<>();
        private final Map<String, Long> excluded = new LinkedHashMap<>();
        private final Map<String, Integer> categories = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private List<String> groupNames = List.of();
        private long rows;
        private long accepted;
        private boolean invoices;
        private boolean items;
        private long minDay = Long.MAX_VALUE;
        private long maxDay = Long.MIN_VALUE;

        Aggregator(String source) {
            this.source = source;
        }

        void groups(List<String> names) {
            groupNames = List.copyOf(names);
        }

        /** Customers seen only on excluded rows so far (bounded by the number of customers). */
        private final java.util.Set<String> excludedCustomers = new java.util.HashSet<>();

        private void exclude(String reason) {
            excluded.merge(reason, 1L, Long::sum);
        }

        private void exclude(String reason, String customer) {
            exclude(reason);
            if (!customers.containsKey(customer)) {
                excludedCustomers.add(customer);
            }
        }

        void add(Transaction t) {
            rows++;
            minDay = Math.min(minDay, t.day()); // the log's span counts every dated row, excluded or not
            maxDay = Math.max(maxDay, t.day());
            if (t.customer() == null) {
                exclude("no customer id");
                return;
            }
            if (t.invoice() != null && !t.invoice().isEmpty() && Character.toUpperCase(t.invoice().charAt(0)) == 'C') {
                exclude("cancellation (invoice starting with C)", t.customer());
                return;
            }
            if (t.amount() < 0) {
                exclude("refund (negative amount)", t.customer());
                return;
            }
            if (t.amount() == 0) {
                exclude("zero amount", t.customer());
                return;
            }
            Customer c = customers.computeIfAbsent(t.customer(), k -> new Customer());
            if (c.duplicate(t.day(), t.lineHash())) {
                exclude("exact duplicate of an earlier row (same customer and date)");
                return;
            }
            accepted++;
            invoices |= t.invoice() != null;
            items |= t.items() != 0;
            if (t.invoice() == null || c.newInvoice(t.invoice().hashCode() * 0x9E3779B97F4A7C15L + t.invoice().length())) {
                c.visits++;
            }
            c.monetary += t.amount();
            c.items += t.items();
            c.firstDay = Math.min(c.firstDay, t.day());
            c.lastDay = Math.max(c.lastDay, t.day());
            LocalDate date = LocalDate.ofEpochDay(t.day());
            c.month(date.getYear() * 12 + date.getMonthValue() - 1);
            if (t.category() != null) {
                String category = Field.isMissingText(t.category()) ? "Other" : t.category();
                Integer index = categories.get(category);
                if (index == null) {
                    if (categories.size() < MAX_CATEGORIES) {
                        index = categories.size();
                        categories.put(category, index);
                    } else {
                        index = categories.computeIfAbsent("Other", k -> categories.size());
                    }
                }
                if (c.spend.length <= index) {
                    c.spend = Arrays.copyOf(c.spend, index + 1);
                }
                c.spend[index] += t.amount();
            }
            if (t.groups().length > 0) {
                if (c.groups == null) {
                    c.groups = t.groups();
                } else if (!c.groupConflict && !Arrays.equals(c.groups, t.groups())) {
                    c.groupConflict = true;
                }
            }
        }

        Result finish(Source rowsSource, String sha256, LocalDate asOf) {
            if (customers.isEmpty()) {
                throw new DataFileException(source + ": no transaction could be used (" + rows + " rows read; excluded: "
                        + excluded + ")");
            }
            long reference = asOf != null ? asOf.toEpochDay() : maxDay;
            int n = customers.size();
            String[] ids = new String[n];
            double[] frequency = new double[n];
            double[] monetary = new double[n];
            double[] ticket = new double[n];
            double[] recency = new double[n];
            double[] tenure = new double[n];
            double[] months = new double[n];
            double[] itemCount = items ? new double[n] : null;
            int categoryCount = categories.size();
            double[][] spend = new double[categoryCount][n];
            double[][] share = new double[categoryCount][n];
            String[][] groups = new String[groupNames.size()][n];
            long conflicts = 0;
            int i = 0;
            for (Map.Entry<String, Customer> e : customers.entrySet()) {
                Customer c = e.getValue();
                ids[i] = e.getKey();
                frequency[i] = c.visits;
                monetary[i] = c.monetary;
                ticket[i] = c.visits == 0 ? 0 : c.monetary / c.visits;
                recency[i] = reference - c.lastDay;
                tenure[i] = reference - c.firstDay;
                months[i] = c.activeMonths();
                if (itemCount != null) {
                    itemCount[i] = c.items;
                }
                for (int k = 0; k < categoryCount; k++) {
                    double s = k < c.spend.length ? c.spend[k] : 0;
                    spend[k][i] = s;
                    share[k][i] = c.monetary > 0 ? s / c.monetary : 0;
                }
                for (int g = 0; g < groups.length; g++) {
                    groups[g][i] = c.groups == null ? "" : c.groups[g];
                }
                conflicts += c.groupConflict ? 1 : 0;
                i++;
            }
            List<RawTable.Column> columns = new ArrayList<>();
            columns.add(RawTable.Column.ofText("customer_id", ids));
            for (int g = 0; g < groups.length; g++) {
                columns.add(RawTable.Column.ofText(groupNames.get(g), groups[g]));
            }
            columns.add(RawTable.Column.ofNumbers("frequency", frequency));
            columns.add(RawTable.Column.ofNumbers("monetary", monetary));
            columns.add(RawTable.Column.ofNumbers("avg_ticket", ticket));
            columns.add(RawTable.Column.ofNumbers("recency_days", recency));
            columns.add(RawTable.Column.ofNumbers("tenure_days", tenure));
            columns.add(RawTable.Column.ofNumbers("active_months", months));
            if (itemCount != null) {
                columns.add(RawTable.Column.ofNumbers("items", itemCount));
            }
            List<String> categoryNames = new ArrayList<>(categories.keySet());
            for (int k = 0; k < categoryCount; k++) {
                columns.add(RawTable.Column.ofNumbers("spend_" + columnName(categoryNames.get(k)), spend[k]));
            }
            for (int k = 0; k < categoryCount; k++) {
                columns.add(RawTable.Column.ofNumbers("share_" + columnName(categoryNames.get(k)), share[k]));
            }
            excludedCustomers.removeAll(customers.keySet());
            if (!excludedCustomers.isEmpty()) {
                notes.add(excludedCustomers.size() + " customer(s) have no accepted transaction (all their rows were "
                        + "excluded) and get no profile");
            }
            if (conflicts > 0) {
                notes.add(conflicts + " customer(s) appear under more than one value of " + groupNames
                        + "; the first value seen is kept");
            }
            if (invoices) {
                notes.add("frequency counts distinct invoices (lines of one invoice are one visit)");
            }
            long[] lines = new long[n];
            for (int r = 0; r < n; r++) {
                lines[r] = r + 1;
            }
            RawTable table = new RawTable(rowsSource.name() + " (profiles)", columns, lines,
                    new DataFingerprint(rowsSource.location(), rows, sha256));
            return new Result(table, new Summary(rowsSource.name(), rows, accepted, excluded, n,
                    LocalDate.ofEpochDay(minDay), LocalDate.ofEpochDay(maxDay), notes));
        }

        private static String columnName(String category) {
            String name = category.strip().replaceAll("[^A-Za-z0-9]+", "_");
            return name.isEmpty() ? "blank" : name;
        }
    }
}
