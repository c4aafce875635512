package com.segments.domain.metric;

/**
 * The numbers of segments a search tries, from {@code from} to {@code to}.
 *
 * <p>Sized to the data ({@link #forRows}): from 2 up to one segment per {@value #CUSTOMERS_PER_SEGMENT}
 * customers, so that even the finest segmentation searched still averages that many customers per segment (fewer
 * would rarely be worth a campaign, and their statistics would be noisy), but never fewer than {@value #MIN_TO}
 * (the range the product searched before) nor more than {@value #MAX_TO} (each k costs a fit and its bootstrap
 * refits), and never more than a fifth of the rows.
 */
public record KRange(int from, int to) {

    public static final int CUSTOMERS_PER_SEGMENT = 100;
    public static final int MIN_TO = 10;
    public static final int MAX_TO = 25;

    public KRange {
        if (from < 2 || to < from) {
            throw new IllegalArgumentException("a k range needs 2 <= from <= to, got " + from + ".." + to);
        }
    }

    /** The range searched when none is given, for a table of {@code rows} customers. */
    public static KRange forRows(int rows) {
        int to = Math.clamp(rows / CUSTOMERS_PER_SEGMENT, MIN_TO, MAX_TO);
        return new KRange(2, Math.max(2, Math.min(to, rows / 5)));
    }

    /** A range twice as wide at the top, for the suggestion made when a choice sits at its end. */
    public KRange wider() {
        return new KRange(from, Math.max(to + 2, to * 2));
    }

    public boolean contains(int k) {
        return k >= from && k <= to;
    }

    public int[] values() {
        return java.util.stream.IntStream.rangeClosed(from, to).toArray();
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
