package com.segments.application.transactions;

import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.ColumnBuilders;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.table.TextColumn;
import com.segments.domain.transaction.CustomerActivities;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionBatch;
import com.segments.domain.transaction.TransactionSource;
import com.segments.domain.transaction.TransactionStore;

import java.time.LocalDate;
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
    public record Result(Table table, Summary summary) {
    }

    /** The transactions stored in {@code fact_transactions}. */
    public static TransactionSource stored(TransactionStore store) {
        return new TransactionSource() {
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
    public static Result aggregate(TransactionSource source, LocalDate asOf) {
        return aggregate(source, asOf, true);
    }

    /**
     * The same, telling the source whether the table's fingerprint needs the hash of its content (a model trained on
     * the profiles records it; a profiles file does not).
     */
    public static Result aggregate(TransactionSource source, LocalDate asOf, boolean fingerprint) {
        Aggregator aggregator = new Aggregator(source.name());
        String sha256 = source.readBatches(aggregator::groups, aggregator::add, fingerprint);
        return aggregator.finish(source, sha256, asOf);
    }

    /**
     * Every customer's activity after the whole log, by id in order of first appearance (customers whose every row
     * was excluded have none): what a stored profile is compared with.
     */
    public static Map<String, CustomerActivity> activities(TransactionSource source) {
        Map<String, CustomerActivity> customers = new LinkedHashMap<>();
        source.read(names -> { }, t -> {
            if (CustomerActivity.screen(t) == null) {
                customers.computeIfAbsent(t.customer(), k -> new CustomerActivity()).accept(t);
            }
        });
        return customers;
    }

    /**
     * Applies the rules of {@link CustomerActivity} to batches of lines and accumulates every customer's activity in
     * {@link CustomerActivities}: the same values, in flat arrays.
     */
    private static final class Aggregator {
        private final String source;
        private final CustomerActivities customers = new CustomerActivities();
        private final TransactionBatch.Codes codes = new TransactionBatch.Codes();
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
        /** Customers seen on excluded rows, by code (those never accepted get no profile, and are counted). */
        private final java.util.BitSet excludedCustomers = new java.util.BitSet();
        /** Per category code of the batches: the code of the category spend counts under ("Other" for a missing one). */
        private int[] spendCategory = new int[0];
        /** Per spend category: whether it was given a column, or found none left ("Other" then). */
        private boolean[] placed = new boolean[0];
        private final Map<String, Integer> spendCodes = new LinkedHashMap<>();
        private final List<String> spendNames = new ArrayList<>();
        private final long[] exclusions = new long[CustomerActivity.Exclusion.values().length];
        /** Lines whose customers are brought into the cache together, ahead of applying them. */
        private static final int PREFETCHED = 256;

        Aggregator(String source) {
            this.source = source;
        }

        void groups(List<String> names) {
            groupNames = List.copyOf(names);
        }

        private void exclude(CustomerActivity.Exclusion reason) {
            if (exclusions[reason.ordinal()]++ == 0) {
                excluded.put(reason.reason(), 0L); // reported in the order first seen
            }
        }

        void add(TransactionBatch batch) {
            codes.learn(batch);
            learnCategories();
            for (int from = 0, n = batch.size(); from < n; from += PREFETCHED) {
                int to = Math.min(n, from + PREFETCHED);
                customers.prefetch(batch, from, to);
                for (int i = from; i < to; i++) {
                    add(batch, i);
                }
            }
        }

        private void add(TransactionBatch batch, int i) {
            rows++;
            long day = batch.day(i);
            minDay = Math.min(minDay, day); // the log's span counts every dated row, excluded or not
            maxDay = Math.max(maxDay, day);
            int customer = batch.customer(i);
            String invoice = batch.invoice(i);
            double amount = batch.amount(i);
            CustomerActivity.Exclusion screened = CustomerActivity.screen(customer != TransactionBatch.NONE, invoice, amount);
            if (screened != null) {
                exclude(screened);
                if (screened != CustomerActivity.Exclusion.NO_CUSTOMER) {
                    excludedCustomers.set(customer);
                }
                return;
            }
            int index = customers.indexOf(customer);
            int category = batch.category(i);
            int spent = category == TransactionBatch.NONE ? TransactionBatch.NONE : spendCategory[category];
            double lineItems = batch.items(i);
            if (!customers.accept(index, day, amount, lineItems, spent, invoice, batch.groups(i), batch.lineHash(i))) {
                exclude(CustomerActivity.Exclusion.DUPLICATE);
                return;
            }
            accepted++;
            invoices |= invoice != null;
            items |= lineItems != 0;
            if (spent != TransactionBatch.NONE && !placed[spent]) {
                placed[spent] = true;
                if (categories.size() < MAX_CATEGORIES) {
                    categories.put(spendNames.get(spent), categories.size());
                } else {
                    categories.computeIfAbsent("Other", k -> categories.size());
                }
            }
        }

        /** Gives the categories new in the batch their spend category (one code per distinct name). */
        private void learnCategories() {
            int known = spendCategory.length;
            if (codes.categoryCount() == known) {
                return;
            }
            spendCategory = Arrays.copyOf(spendCategory, codes.categoryCount());
            for (int c = known; c < spendCategory.length; c++) {
                String name = codes.category(c);
                String spent = CustomerActivity.spendCategory(name);
                spendCategory[c] = spendCodes.computeIfAbsent(spent, k -> {
                    spendNames.add(k);
                    return spendNames.size() - 1;
                });
            }
            placed = Arrays.copyOf(placed, spendNames.size());
        }

        Result finish(TransactionSource rowsSource, String sha256, LocalDate asOf) {
            excluded.replaceAll((reason, none) -> exclusions[exclusion(reason).ordinal()]);
            notes.addAll(0, rowsSource.notes()); // which columns the source read as what, and why, first
            int n = customers.size();
            if (n == 0) {
                throw new DataSourceException(source + ": no transaction could be used (" + rows + " rows read; excluded: "
                        + excluded + ")");
            }
            long reference = asOf != null ? asOf.toEpochDay() : maxDay;
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
            Integer other = categories.get("Other");
            int[] columnOf = new int[spendNames.size()];
            for (int k = 0; k < columnOf.length; k++) {
                columnOf[k] = categories.getOrDefault(spendNames.get(k), other == null ? -1 : other);
            }
            double[] customerSpend = new double[categoryCount];
            for (int i = 0; i < n; i++) {
                ids[i] = codes.customer(customers.code(i));
                frequency[i] = customers.visits(i);
                monetary[i] = customers.monetary(i);
                ticket[i] = customers.averageTicket(i);
                recency[i] = customers.recencyDays(i, reference);
                tenure[i] = customers.tenureDays(i, reference);
                months[i] = customers.activeMonths(i);
                if (itemCount != null) {
                    itemCount[i] = customers.items(i);
                }
                Arrays.fill(customerSpend, 0);
                customers.spendInto(i, k -> columnOf[k], customerSpend);
                for (int k = 0; k < categoryCount; k++) {
                    spend[k][i] = customerSpend[k];
                    share[k][i] = customers.share(i, customerSpend[k]);
                }
                int group = customers.groups(i);
                String[] values = group == TransactionBatch.NONE ? null : codes.groups(group);
                for (int g = 0; g < groups.length; g++) {
                    groups[g][i] = values == null ? "" : values[g];
                }
                conflicts += customers.groupConflict(i) ? 1 : 0;
            }
            List<TableColumn> columns = new ArrayList<>();
            columns.add(TextColumn.of("customer_id", java.util.Arrays.asList(ids)));
            for (int g = 0; g < groups.length; g++) {
                ColumnBuilders.Categories values = new ColumnBuilders.Categories(Integer.MAX_VALUE);
                for (String value : groups[g]) {
                    values.add(value.isEmpty() ? null : value);
                }
                columns.add(values.build(groupNames.get(g)));
            }
            columns.add(new NumberColumn("frequency", frequency));
            columns.add(new NumberColumn("monetary", monetary));
            columns.add(new NumberColumn("avg_ticket", ticket));
            columns.add(new NumberColumn("recency_days", recency));
            columns.add(new NumberColumn("tenure_days", tenure));
            columns.add(new NumberColumn("active_months", months));
            if (itemCount != null) {
                columns.add(new NumberColumn("items", itemCount));
            }
            List<String> categoryNames = new ArrayList<>(categories.keySet());
            for (int k = 0; k < categoryCount; k++) {
                columns.add(new NumberColumn("spend_" + columnName(categoryNames.get(k)), spend[k]));
            }
            for (int k = 0; k < categoryCount; k++) {
                columns.add(new NumberColumn("share_" + columnName(categoryNames.get(k)), share[k]));
            }
            int withoutProfile = 0;
            for (int code = excludedCustomers.nextSetBit(0); code >= 0; code = excludedCustomers.nextSetBit(code + 1)) {
                withoutProfile += customers.contains(code) ? 0 : 1;
            }
            if (withoutProfile > 0) {
                notes.add(withoutProfile + " customer(s) have no accepted transaction (all their rows were "
                        + "excluded) and get no profile");
            }
            if (conflicts > 0) {
                notes.add(conflicts + " customer(s) appear under more than one value of " + groupNames
                        + "; the first value seen is kept");
            }
            if (invoices) {
                notes.add("frequency counts distinct invoices (lines of one invoice are one visit)");
            }
            Table table = new Table(rowsSource.name() + " (profiles)", n, columns,
                    new DataFingerprint(rowsSource.location(), rows, sha256));
            return new Result(table, new Summary(rowsSource.name(), rows, accepted, excluded, n,
                    LocalDate.ofEpochDay(minDay), LocalDate.ofEpochDay(maxDay), notes));
        }

        private static CustomerActivity.Exclusion exclusion(String reason) {
            for (CustomerActivity.Exclusion e : CustomerActivity.Exclusion.values()) {
                if (e.reason().equals(reason)) {
                    return e;
                }
            }
            throw new IllegalStateException(reason);
        }
    }

    /** The column name part of a category: {@code spend_} and {@code share_} are followed by it. */
    public static String columnName(String category) {
        String name = category.strip().replaceAll("[^A-Za-z0-9]+", "_");
        return name.isEmpty() ? "blank" : name;
    }
}
