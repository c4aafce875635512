package com.segments.domain.transaction;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Every customer's {@link CustomerActivity} of a whole log at once, in one flat array: what batch aggregation keeps.
 * The rules and the order of every addition are {@link CustomerActivity#accept}'s, so the values agree with it to
 * the last digit; only the layout differs. A log of tens of millions of lines over hundreds of thousands of
 * customers looks a customer up at random on every line, and one object per customer (with its arrays of
 * categories, spends and row hashes) costs several cache misses a line; here a customer is a run of
 * {@value #STRIDE} longs, and the rare state that does not fit (more than {@value #INLINE_CATEGORIES} categories,
 * more than two lines on the latest date, invoices, months far from the first) waits in side maps.
 *
 * <p>Customers are numbered 0, 1, 2, ... in the order they are first {@linkplain #indexOf(int) looked up}, by
 * whatever code the caller gives each (a {@link TransactionBatch} customer code); categories too are the caller's
 * codes, spent in the order of each customer's first purchase in them.
 */
public final class CustomerActivities {

    private static final int VISITS = 0;
    private static final int MONETARY = 1;
    private static final int ITEMS = 2;
    private static final int FIRST_DAY = 3;
    private static final int LAST_DAY = 4;
    private static final int MONTHS_LOW = 5;
    private static final int FIRST_MONTH = 6;
    private static final int GROUPS = 7;          // the first group code + 1 (0: none yet); bit 62: a conflict seen
    private static final int DUP_DAY = 8;
    private static final int DUP_COUNT = 9;
    private static final int DUP_LINES = 10;      // two line hashes of the latest date; more wait in dupOverflow
    private static final int CATEGORY_COUNT = 12;
    private static final int CATEGORIES = 13;     // pairs: category code, spend (double bits)
    private static final int INLINE_CATEGORIES = 5;
    private static final int STRIDE = CATEGORIES + 2 * INLINE_CATEGORIES;
    private static final int INLINE_DUPS = 2;
    private static final long CONFLICT = 1L << 62;

    private long[] state = new long[STRIDE * 1024];
    private int size;
    private int[] indexOfCode = new int[1024];
    private int[] codeOfIndex = new int[1024];
    private final Map<Integer, long[]> dupOverflow = new HashMap<>();
    private final Map<Integer, Overflow> categoryOverflow = new HashMap<>();
    private final Map<Integer, CustomerActivity.LongSet> invoices = new HashMap<>();
    private final Map<Integer, int[]> monthsOutside = new HashMap<>();
    private long monthDay = Long.MIN_VALUE;
    private int monthOfDay;

    public CustomerActivities() {
        Arrays.fill(indexOfCode, -1);
    }

    /** Categories of one customer beyond those kept in its run, in the order of first purchase. */
    private static final class Overflow {
        int[] codes = new int[4];
        double[] spend = new double[4];
        int size;
    }

    /** The number of customers looked up so far. */
    public int size() {
        return size;
    }

    /** The code a customer was looked up by. */
    public int code(int index) {
        return codeOfIndex[index];
    }

    /** Whether a customer with this code was looked up. */
    public boolean contains(int code) {
        return code < indexOfCode.length && indexOfCode[code] >= 0;
    }

    /** The index of the customer with this code, made (with no activity yet) on the first look-up. */
    public int indexOf(int code) {
        if (code >= indexOfCode.length) {
            int old = indexOfCode.length;
            indexOfCode = Arrays.copyOf(indexOfCode, Math.max(code + 1, old * 2));
            Arrays.fill(indexOfCode, old, indexOfCode.length, -1);
        }
        int index = indexOfCode[code];
        if (index >= 0) {
            return index;
        }
        index = size++;
        indexOfCode[code] = index;
        if (index == codeOfIndex.length) {
            codeOfIndex = Arrays.copyOf(codeOfIndex, index * 2);
            state = Arrays.copyOf(state, state.length * 2);
        }
        codeOfIndex[index] = code;
        int at = index * STRIDE;
        state[at + FIRST_DAY] = Long.MAX_VALUE;
        state[at + LAST_DAY] = Long.MIN_VALUE;
        state[at + FIRST_MONTH] = Integer.MIN_VALUE;
        state[at + DUP_DAY] = Long.MIN_VALUE;
        state[at + MONETARY] = Double.doubleToRawLongBits(0.0);
        state[at + ITEMS] = Double.doubleToRawLongBits(0.0);
        return index;
    }

    /**
     * Brings the runs of the customers of a batch's lines {@code from} to {@code to} into the cache before those lines
     * are applied one by one: these loads do not wait for each other, so their cache misses overlap, where applying
     * the lines meets them one at a time. A few hundred lines at a time: the runs must still be cached when applied.
     */
    public void prefetch(TransactionBatch batch, int from, int to) {
        long touched = 0;
        int[] known = indexOfCode;
        long[] s = state;
        for (int i = from; i < to; i++) {
            int code = batch.customer(i);
            if (code >= 0 && code < known.length) {
                int index = known[code];
                if (index >= 0) {
                    int at = index * STRIDE;
                    touched += s[at] + s[at + 8] + s[at + 16] + s[at + STRIDE - 1]; // every cache line of the run
                }
            }
        }
        sink = touched;
    }

    /** Written so that no compiler drops the loads of {@link #prefetch}. */
    private static volatile long sink;

    /**
     * {@link CustomerActivity#accept} for the customer at {@code index}: counts a transaction that passed
     * {@link CustomerActivity#screen}, unless it exactly duplicates a line already seen on the customer's latest date.
     *
     * @param category a category code, or {@link TransactionBatch#NONE}
     * @param groups   the code of the line's group values, or {@link TransactionBatch#NONE} when it has none
     * @return false for a duplicate (nothing changed but the duplicate window)
     */
    public boolean accept(int index, long day, double amount, double items, int category, String invoice, int groups,
                          long lineHash) {
        int at = index * STRIDE;
        long[] s = state;
        if (duplicate(index, at, day, lineHash)) {
            return false;
        }
        if (invoice == null || newInvoice(index, CustomerActivity.invoiceKey(invoice))) {
            s[at + VISITS]++;
        }
        s[at + MONETARY] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[at + MONETARY]) + amount);
        s[at + ITEMS] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[at + ITEMS]) + items);
        s[at + FIRST_DAY] = Math.min(s[at + FIRST_DAY], day);
        s[at + LAST_DAY] = Math.max(s[at + LAST_DAY], day);
        month(index, at, monthOf(day));
        if (category != TransactionBatch.NONE) {
            spend(index, at, category, amount);
        }
        if (groups != TransactionBatch.NONE) {
            long first = s[at + GROUPS] & ~CONFLICT;
            if (first == 0) {
                s[at + GROUPS] = groups + 1L;
            } else if (first != groups + 1L) {
                s[at + GROUPS] |= CONFLICT;
            }
        }
        return true;
    }

    private boolean duplicate(int index, int at, long day, long hash) {
        long[] s = state;
        if (day != s[at + DUP_DAY]) {
            s[at + DUP_DAY] = day;
            s[at + DUP_COUNT] = 0;
        }
        int count = (int) s[at + DUP_COUNT];
        for (int i = Math.min(count, INLINE_DUPS) - 1; i >= 0; i--) {
            if (s[at + DUP_LINES + i] == hash) {
                return true;
            }
        }
        if (count < INLINE_DUPS) {
            s[at + DUP_LINES + count] = hash;
            s[at + DUP_COUNT] = count + 1;
            return false;
        }
        long[] more = dupOverflow.get(index);
        int extra = count - INLINE_DUPS;
        if (more != null) {
            for (int i = 0; i < extra; i++) {
                if (more[i] == hash) {
                    return true;
                }
            }
        }
        if (more == null || extra == more.length) {
            more = more == null ? new long[4] : Arrays.copyOf(more, more.length * 2);
            dupOverflow.put(index, more);
        }
        more[extra] = hash;
        s[at + DUP_COUNT] = count + 1;
        return false;
    }

    private boolean newInvoice(int index, long key) {
        return invoices.computeIfAbsent(index, k -> new CustomerActivity.LongSet()).add(key);
    }

    /** {@link CustomerActivity#monthOf}, remembered for the latest day asked (a log's lines come in date order). */
    private int monthOf(long day) {
        if (day != monthDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            monthOfDay = date.getYear() * 12 + date.getMonthValue() - 1;
            monthDay = day;
        }
        return monthOfDay;
    }

    private void month(int index, int at, int month) {
        long[] s = state;
        if (s[at + FIRST_MONTH] == Integer.MIN_VALUE) {
            s[at + FIRST_MONTH] = month;
        }
        long offset = month - s[at + FIRST_MONTH];
        if (offset >= 0 && offset < 64) {
            s[at + MONTHS_LOW] |= 1L << offset;
            return;
        }
        int[] outside = monthsOutside.getOrDefault(index, new int[0]);
        for (int m : outside) {
            if (m == month) {
                return;
            }
        }
        outside = Arrays.copyOf(outside, outside.length + 1);
        outside[outside.length - 1] = month;
        monthsOutside.put(index, outside);
    }

    private void spend(int index, int at, int category, double amount) {
        long[] s = state;
        int count = (int) s[at + CATEGORY_COUNT];
        int inline = Math.min(count, INLINE_CATEGORIES);
        for (int i = 0; i < inline; i++) {
            int slot = at + CATEGORIES + 2 * i;
            if (s[slot] == category) {
                s[slot + 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[slot + 1]) + amount);
                return;
            }
        }
        if (count < INLINE_CATEGORIES) {
            int slot = at + CATEGORIES + 2 * count;
            s[slot] = category;
            s[slot + 1] = Double.doubleToRawLongBits(0.0 + amount);
            s[at + CATEGORY_COUNT] = count + 1;
            return;
        }
        Overflow more = categoryOverflow.computeIfAbsent(index, k -> new Overflow());
        for (int i = 0; i < more.size; i++) {
            if (more.codes[i] == category) {
                more.spend[i] += amount;
                return;
            }
        }
        if (more.size == more.codes.length) {
            more.codes = Arrays.copyOf(more.codes, more.size * 2);
            more.spend = Arrays.copyOf(more.spend, more.size * 2);
        }
        more.codes[more.size] = category;
        more.spend[more.size] = 0.0 + amount;
        more.size++;
        s[at + CATEGORY_COUNT] = count + 1;
    }

    // ---------------------------------------------------------------- what the profile is made of

    /** {@link CustomerActivity#visits()} of the customer at {@code index}; the same for the others. */
    public long visits(int index) {
        return state[index * STRIDE + VISITS];
    }

    public double monetary(int index) {
        return Double.longBitsToDouble(state[index * STRIDE + MONETARY]);
    }

    public double averageTicket(int index) {
        long visits = visits(index);
        return visits == 0 ? 0 : monetary(index) / visits;
    }

    public double items(int index) {
        return Double.longBitsToDouble(state[index * STRIDE + ITEMS]);
    }

    public double recencyDays(int index, long asOfDay) {
        return asOfDay - state[index * STRIDE + LAST_DAY];
    }

    public double tenureDays(int index, long asOfDay) {
        return asOfDay - state[index * STRIDE + FIRST_DAY];
    }

    public int activeMonths(int index) {
        int[] outside = monthsOutside.get(index);
        return Long.bitCount(state[index * STRIDE + MONTHS_LOW]) + (outside == null ? 0 : outside.length);
    }

    /** {@link CustomerActivity#spendInto}: spend per category added into columns in the order of first purchase. */
    public void spendInto(int index, IntUnaryOperator columnOf, double[] columns) {
        int at = index * STRIDE;
        int count = (int) state[at + CATEGORY_COUNT];
        for (int i = 0; i < Math.min(count, INLINE_CATEGORIES); i++) {
            int column = columnOf.applyAsInt((int) state[at + CATEGORIES + 2 * i]);
            if (column >= 0) {
                columns[column] += Double.longBitsToDouble(state[at + CATEGORIES + 2 * i + 1]);
            }
        }
        Overflow more = count > INLINE_CATEGORIES ? categoryOverflow.get(index) : null;
        for (int i = 0; more != null && i < more.size; i++) {
            int column = columnOf.applyAsInt(more.codes[i]);
            if (column >= 0) {
                columns[column] += more.spend[i];
            }
        }
    }

    public double share(int index, double columnSpend) {
        double monetary = monetary(index);
        return monetary > 0 ? columnSpend / monetary : 0;
    }

    /** The code of the group values of the customer's first counted line that had any, or {@link TransactionBatch#NONE}. */
    public int groups(int index) {
        return (int) (state[index * STRIDE + GROUPS] & ~CONFLICT) - 1;
    }

    public boolean groupConflict(int index) {
        return (state[index * STRIDE + GROUPS] & CONFLICT) != 0;
    }
}
