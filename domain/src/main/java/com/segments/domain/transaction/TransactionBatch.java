package com.segments.domain.transaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Consecutive lines of a transaction log as primitive columns: what aggregating tens of millions of lines is fed
 * instead of one {@link Transaction} object per line. Customer ids, categories and group values repeat across
 * millions of lines, so they travel as codes: a code is given to a value the first time a source sees it (0, 1, 2,
 * ... in order), and the batch that first uses a code carries the value ({@link #newCustomers()} ...), so a reader
 * of the batches in order always knows every code ({@link Codes}).
 */
public final class TransactionBatch {

    /** The code of a missing value: no customer id, or no category column. */
    public static final int NONE = -1;

    private final int[] customer;
    private final long[] day;
    private final double[] amount;
    private final double[] items;
    private final int[] category;
    private final String[] invoice;
    private final int[] groups;
    private final long[] lineHash;
    private final List<String> newCustomers = new ArrayList<>();
    private final List<String> newCategories = new ArrayList<>();
    private final List<String[]> newGroups = new ArrayList<>();
    private int size;

    public TransactionBatch(int capacity) {
        customer = new int[capacity];
        day = new long[capacity];
        amount = new double[capacity];
        items = new double[capacity];
        category = new int[capacity];
        invoice = new String[capacity];
        groups = new int[capacity];
        lineHash = new long[capacity];
    }

    /**
     * Appends a line; the meaning of each value is that of {@link Transaction}'s.
     *
     * @param customer a customer code, or {@link #NONE}
     * @param category a category code, or {@link #NONE} when the log has no category column
     * @param groups   the code of the line's group values, or {@link #NONE} when the log has no group columns
     */
    public void add(int customer, long day, double amount, double items, int category, String invoice, int groups,
                    long lineHash) {
        int i = size++;
        this.customer[i] = customer;
        this.day[i] = day;
        this.amount[i] = amount;
        this.items[i] = items;
        this.category[i] = category;
        this.invoice[i] = invoice;
        this.groups[i] = groups;
        this.lineHash[i] = lineHash;
    }

    /** Sets the customer code of line {@code i} (a reader may look ids up after the line is added). */
    public void setCustomer(int i, int customer) {
        this.customer[i] = customer;
    }

    /** Records that this batch is the first to use the next customer code, for {@code id}. */
    public void newCustomer(String id) {
        newCustomers.add(id);
    }

    public void newCategory(String category) {
        newCategories.add(category);
    }

    public void newGroups(String[] values) {
        newGroups.add(values);
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == customer.length;
    }

    public int customer(int i) {
        return customer[i];
    }

    public long day(int i) {
        return day[i];
    }

    public double amount(int i) {
        return amount[i];
    }

    public double items(int i) {
        return items[i];
    }

    public int category(int i) {
        return category[i];
    }

    public String invoice(int i) {
        return invoice[i];
    }

    public int groups(int i) {
        return groups[i];
    }

    public long lineHash(int i) {
        return lineHash[i];
    }

    public List<String> newCustomers() {
        return newCustomers;
    }

    public List<String> newCategories() {
        return newCategories;
    }

    public List<String[]> newGroups() {
        return newGroups;
    }

    /**
     * The values behind the codes of the batches read so far: each batch is passed to {@link #learn} before its
     * lines are looked at.
     */
    public static final class Codes {
        private static final String[] NO_GROUPS = new String[0];
        private final List<String> customers = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private final List<String[]> groups = new ArrayList<>();

        public void learn(TransactionBatch batch) {
            customers.addAll(batch.newCustomers);
            categories.addAll(batch.newCategories);
            groups.addAll(batch.newGroups);
        }

        public String customer(int code) {
            return code == NONE ? null : customers.get(code);
        }

        public String category(int code) {
            return code == NONE ? null : categories.get(code);
        }

        /** The group values of a code (none for {@link #NONE}); lines with equal values share one array. */
        public String[] groups(int code) {
            return code == NONE ? NO_GROUPS : groups.get(code);
        }

        public int customerCount() {
            return customers.size();
        }

        public int categoryCount() {
            return categories.size();
        }

        /** Line {@code i} of a batch already learnt, as a transaction. */
        public Transaction transaction(TransactionBatch batch, int i) {
            return new Transaction(customer(batch.customer[i]), batch.day[i], batch.amount[i], batch.items[i],
                    category(batch.category[i]), batch.invoice[i], groups(batch.groups[i]), batch.lineHash[i]);
        }
    }

    /**
     * Packs transactions into batches, giving codes by content: how a source that reads whole {@link Transaction}s
     * (the stored ones) feeds batch aggregation.
     */
    public static final class Packer implements Consumer<Transaction> {
        private final int capacity;
        private final Consumer<TransactionBatch> batches;
        private final Map<String, Integer> customers = new HashMap<>();
        private final Map<String, Integer> categories = new HashMap<>();
        private final Map<List<String>, Integer> groups = new HashMap<>();
        private TransactionBatch batch;

        public Packer(int capacity, Consumer<TransactionBatch> batches) {
            this.capacity = capacity;
            this.batches = batches;
            this.batch = new TransactionBatch(capacity);
        }

        @Override
        public void accept(Transaction t) {
            int customer = NONE;
            if (t.customer() != null) {
                customer = customers.computeIfAbsent(t.customer(), id -> {
                    batch.newCustomer(id);
                    return customers.size();
                });
            }
            int category = NONE;
            if (t.category() != null) {
                category = categories.computeIfAbsent(t.category(), c -> {
                    batch.newCategory(c);
                    return categories.size();
                });
            }
            int group = t.groups().length == 0 ? NONE : groups.computeIfAbsent(java.util.Arrays.asList(t.groups()), values -> {
                batch.newGroups(t.groups());
                return groups.size();
            });
            batch.add(customer, t.day(), t.amount(), t.items(), category, t.invoice(), group, t.lineHash());
            if (batch.isFull()) {
                flush();
            }
        }

        /** Hands on the last, partly filled batch. */
        public void flush() {
            if (batch.size() > 0) {
                batches.accept(batch);
                batch = new TransactionBatch(capacity);
            }
        }
    }
}
