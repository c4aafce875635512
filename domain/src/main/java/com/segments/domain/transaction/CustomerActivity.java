package com.segments.domain.transaction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One customer's accumulated transactions: what the profile of the transaction pipeline is made of (visits,
 * monetary value, items, first and last day, active months, spend per category, group attributes), and the rules
 * that decide whether a transaction counts. Batch aggregation keeps one per customer and feeds it every row of the
 * log; the real-time door keeps the same state stored per customer and feeds it one transaction at a time. Both
 * therefore agree to the last digit on any log split into a batch part and a streamed part, because they are the
 * same code applied in the same order.
 *
 * <p>A transaction is applied in O(1) amortised: the only state that grows is the set of the customer's invoices
 * (lines of one invoice are one visit) and the row hashes of the customer's latest date (exact duplicates are looked
 * for within that date, as batch aggregation does).
 *
 * <p>{@link #toBytes()} is a compact versioned binary form ({@value #FORMAT} is the current version) for storage.
 */
public final class CustomerActivity {

    /** The version of {@link #toBytes()}; a reader refuses a version it does not know. */
    public static final int FORMAT = 1;

    /** The rules that keep a transaction out of the profile, with the reason reports print. */
    public enum Exclusion {
        NO_CUSTOMER("no customer id"),
        CANCELLATION("cancellation (invoice starting with C)"),
        REFUND("refund (negative amount)"),
        ZERO_AMOUNT("zero amount"),
        DUPLICATE("exact duplicate of an earlier row (same customer and date)");

        private final String reason;

        Exclusion(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private long visits;
    private double monetary;
    private double items;
    private long firstDay = Long.MAX_VALUE;
    private long lastDay = Long.MIN_VALUE;
    private String[] categories = new String[0]; // in the order this customer first spent in them
    private double[] spend = new double[0];
    private long monthsLow;      // months firstMonth .. firstMonth + 63, one bit each
    private int[] monthsOutside = new int[0]; // months outside that window (logs that are not date-ordered)
    private int firstMonth = Integer.MIN_VALUE;
    private String[] groups;
    private boolean groupConflict;
    private long dupDay = Long.MIN_VALUE;
    private final LongSet dayLines = new LongSet();
    private LongSet invoices; // only for logs with an invoice column

    /**
     * The rules that need no customer state: no customer, a cancellation, a refund, a zero amount.
     *
     * @return why the transaction does not count, or null when it may
     */
    public static Exclusion screen(Transaction t) {
        return screen(t.customer() != null, t.invoice(), t.amount());
    }

    /** {@link #screen(Transaction)} of a transaction's parts, for readers that hold no {@link Transaction}. */
    public static Exclusion screen(boolean hasCustomer, String invoice, double amount) {
        if (!hasCustomer) {
            return Exclusion.NO_CUSTOMER;
        }
        if (invoice != null && !invoice.isEmpty() && Character.toUpperCase(invoice.charAt(0)) == 'C') {
            return Exclusion.CANCELLATION;
        }
        if (amount < 0) {
            return Exclusion.REFUND;
        }
        if (amount == 0) {
            return Exclusion.ZERO_AMOUNT;
        }
        return null;
    }

    /** What identifies an invoice among a customer's invoices (lines of one invoice are one visit). */
    static long invoiceKey(String invoice) {
        return invoice.hashCode() * 0x9E3779B97F4A7C15L + invoice.length();
    }

    /** The category a transaction's spend is counted under: a missing category ("", "NA", ...) is "Other". */
    public static String categoryOf(Transaction t) {
        return t.category() == null ? null : spendCategory(t.category());
    }

    /** The category a named category's spend is counted under: itself, or "Other" when it spells missing. */
    public static String spendCategory(String category) {
        return com.segments.domain.feature.Field.isMissingText(category) ? "Other" : category;
    }

    /**
     * Applies every rule and counts the transaction when it passes them.
     *
     * @return why it does not count, or null when it was counted
     */
    public Exclusion add(Transaction t) {
        Exclusion screened = screen(t);
        if (screened != null) {
            return screened;
        }
        return accept(t) ? null : Exclusion.DUPLICATE;
    }

    /**
     * Counts a transaction that passed {@link #screen}, unless it exactly duplicates a row already seen on this
     * customer's latest date.
     *
     * @return false for a duplicate (nothing changed but the duplicate window)
     */
    public boolean accept(Transaction t) {
        if (duplicate(t.day(), t.lineHash())) {
            return false;
        }
        if (t.invoice() == null || newInvoice(invoiceKey(t.invoice()))) {
            visits++;
        }
        monetary += t.amount();
        items += t.items();
        firstDay = Math.min(firstDay, t.day());
        lastDay = Math.max(lastDay, t.day());
        month(monthOf(t.day()));
        String category = categoryOf(t);
        if (category != null) {
            int index = indexOf(category);
            if (index < 0) {
                index = categories.length;
                categories = Arrays.copyOf(categories, index + 1);
                categories[index] = category;
                spend = Arrays.copyOf(spend, index + 1);
            }
            spend[index] += t.amount();
        }
        if (t.groups().length > 0) {
            if (groups == null) {
                groups = t.groups();
            } else if (!groupConflict && !Arrays.equals(groups, t.groups())) {
                groupConflict = true;
            }
        }
        return true;
    }

    private int indexOf(String category) {
        for (int i = categories.length - 1; i >= 0; i--) {
            if (categories[i].equals(category)) {
                return i;
            }
        }
        return -1;
    }

    /** The month index of a day: year * 12 + month - 1. */
    static int monthOf(long day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private void month(int month) {
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

    private boolean duplicate(long day, long hash) {
        if (day != dupDay) {
            dupDay = day;
            dayLines.clear();
        }
        return !dayLines.add(hash);
    }

    private boolean newInvoice(long hash) {
        if (invoices == null) {
            invoices = new LongSet();
        }
        return invoices.add(hash);
    }

    // ---------------------------------------------------------------- what the profile is made of

    /** Whether any transaction was counted (a customer with none has no profile). */
    public boolean counted() {
        return visits > 0;
    }

    /** Visits: distinct invoices when the transactions carry one, else transactions. */
    public long visits() {
        return visits;
    }

    public double monetary() {
        return monetary;
    }

    public double averageTicket() {
        return visits == 0 ? 0 : monetary / visits;
    }

    public double items() {
        return items;
    }

    /** The first and last day counted, as days since 1970-01-01. */
    public long firstDay() {
        return firstDay;
    }

    public long lastDay() {
        return lastDay;
    }

    /** Days from the last purchase to {@code asOfDay}. */
    public double recencyDays(long asOfDay) {
        return asOfDay - lastDay;
    }

    /** Days from the first purchase to {@code asOfDay}. */
    public double tenureDays(long asOfDay) {
        return asOfDay - firstDay;
    }

    public int activeMonths() {
        return Long.bitCount(monthsLow) + monthsOutside.length;
    }

    /** The categories this customer spent in, in the order of their first purchase. */
    public List<String> categories() {
        return List.of(categories);
    }

    /**
     * Adds the customer's spend per category into columns, category by category in the order of their first
     * purchase (so several categories summed into one column, "Other", add up the same way everywhere).
     *
     * @param columnOf the column of a category, or -1 to leave it out
     */
    public void spendInto(ToIntFunction<String> columnOf, double[] columns) {
        for (int i = 0; i < categories.length; i++) {
            int column = columnOf.applyAsInt(categories[i]);
            if (column >= 0) {
                columns[column] += spend[i];
            }
        }
    }

    /** The share of monetary value a column's spend is (0 when nothing was spent). */
    public double share(double columnSpend) {
        return monetary > 0 ? columnSpend / monetary : 0;
    }

    /** The group attribute values of the first counted transaction that had any, or null. */
    public List<String> groups() {
        return groups == null ? null : Arrays.asList(groups.clone());
    }

    /** Whether transactions came with different group values (the first is kept). */
    public boolean groupConflict() {
        return groupConflict;
    }

    // ---------------------------------------------------------------- storage

    /** The state in a compact binary form, starting with its format version. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 + 16 * categories.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(visits);
            out.writeDouble(monetary);
            out.writeDouble(items);
            out.writeLong(firstDay);
            out.writeLong(lastDay);
            out.writeInt(categories.length);
            for (int i = 0; i < categories.length; i++) {
                writeText(out, categories[i]);
                out.writeDouble(spend[i]);
            }
            out.writeInt(firstMonth);
            out.writeLong(monthsLow);
            writeInts(out, monthsOutside);
            out.writeInt(groups == null ? -1 : groups.length);
            if (groups != null) {
                for (String g : groups) {
                    writeText(out, g);
                }
            }
            out.writeBoolean(groupConflict);
            out.writeLong(dupDay);
            dayLines.write(out);
            out.writeBoolean(invoices != null);
            if (invoices != null) {
                invoices.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException for a format version it does not know, or bytes that are not a state
     */
    public static CustomerActivity fromBytes(byte[] data) {
        if (data.length == 0 || data[0] != FORMAT) {
            throw new IllegalArgumentException("stored customer activity has format "
                    + (data.length == 0 ? "(empty)" : Integer.toString(data[0])) + "; this version reads format " + FORMAT);
        }
        CustomerActivity a = new CustomerActivity();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            a.visits = in.readLong();
            a.monetary = in.readDouble();
            a.items = in.readDouble();
            a.firstDay = in.readLong();
            a.lastDay = in.readLong();
            int n = count(in.readInt(), data.length);
            a.categories = new String[n];
            a.spend = new double[n];
            for (int i = 0; i < n; i++) {
                a.categories[i] = readText(in, data.length);
                a.spend[i] = in.readDouble();
            }
            a.firstMonth = in.readInt();
            a.monthsLow = in.readLong();
            a.monthsOutside = readInts(in, data.length);
            int g = in.readInt();
            if (g >= 0) {
                a.groups = new String[count(g, data.length)];
                for (int i = 0; i < g; i++) {
                    a.groups[i] = readText(in, data.length);
                }
            }
            a.groupConflict = in.readBoolean();
            a.dupDay = in.readLong();
            a.dayLines.read(in, data.length);
            if (in.readBoolean()) {
                a.invoices = new LongSet();
                a.invoices.read(in, data.length);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("stored customer activity has " + in.available() + " trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("stored customer activity is truncated: " + e.getMessage());
        }
        return a;
    }

    private static int count(int n, int limit) {
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("stored customer activity is damaged (a count of " + n + ")");
        }
        return n;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in, int limit) throws IOException {
        byte[] utf8 = new byte[count(in.readInt(), limit)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in, int limit) throws IOException {
        int[] values = new int[count(in.readInt(), limit)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /**
     * A few longs, searched newest first (the lines of one invoice, or of one day, usually come together), grown
     * as needed.
     */
    static final class LongSet {
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

        void write(DataOutputStream out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeLong(values[i]);
            }
        }

        void read(DataInputStream in, int limit) throws IOException {
            size = count(in.readInt(), limit);
            values = new long[Math.max(4, size)];
            for (int i = 0; i < size; i++) {
                values[i] = in.readLong();
            }
        }
    }
}
