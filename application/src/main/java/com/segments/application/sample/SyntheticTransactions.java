package com.segments.application.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A card transaction log drawn from known lifestyle segments, each with a dominant spend category, at several banks
 * whose segment mix differs on purpose (so a group comparison has something true to find), in several cities.
 * Transactions come in date order with customers interleaved, as a real log does. A few rows carry the quirks
 * real logs have: refunds (negative amounts), zero amounts, exact duplicates and rows without a customer id.
 */
public final class SyntheticTransactions {

    public static final List<String> CATEGORIES = List.of("Utilities", "Groceries", "Transport", "Shopping", "Dining", "Other");

    /**
     * @param shares   spend share per category, in {@link #CATEGORIES} order
     * @param activity transactions per customer relative to the average
     * @param ticket   median amount of one transaction
     */
    public record Lifestyle(String name, double[] shares, double activity, double ticket) {
    }

    public static final List<Lifestyle> LIFESTYLES = List.of(
            new Lifestyle("The Diner", new double[] {0.08, 0.12, 0.08, 0.10, 0.55, 0.07}, 1.3, 38),
            new Lifestyle("The Commuter", new double[] {0.10, 0.15, 0.55, 0.08, 0.07, 0.05}, 1.2, 22),
            new Lifestyle("The Shopper", new double[] {0.06, 0.10, 0.06, 0.65, 0.08, 0.05}, 0.9, 95),
            new Lifestyle("The Home Keeper", new double[] {0.15, 0.60, 0.07, 0.06, 0.05, 0.07}, 1.0, 45),
            new Lifestyle("The Bill Payer", new double[] {0.62, 0.12, 0.06, 0.05, 0.05, 0.10}, 0.5, 120));

    public static final List<String> BANKS = List.of("Bank A", "Bank B", "Bank C");

    /**
     * Lifestyle mix per bank (rows: banks, columns: lifestyles). Bank B has about 2.4 times Bank A's share of
     * diners; Bank C has no shoppers at all.
     */
    public static final double[][] BANK_MIX = {
            {0.15, 0.25, 0.25, 0.20, 0.15},
            {0.36, 0.18, 0.16, 0.15, 0.15},
            {0.20, 0.30, 0.00, 0.30, 0.20}};

    /** Share of all customers at each bank. */
    public static final double[] BANK_SHARE = {0.45, 0.35, 0.20};

    public static final List<String> CITIES = List.of("Lisbon", "Porto", "Madrid", "Barcelona", "Lyon", "Milan");

    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    public static final int DAYS = 365;

    private static final double SPREAD = 0.45;

    public record Customer(String id, int lifestyle, int bank, int city) {
    }

    /** One generated line; {@code customer} is null for the rows a real log has without one. */
    public record Line(String customer, LocalDate date, double amount, String category, String city, String bank) {
    }

    private final SplittableRandom random;
    private final Customer[] customers;
    private final double[] cumulative;
    private final long total;
    private long emitted;
    private Line pendingDuplicate;

    public SyntheticTransactions(int customerCount, long transactions, long seed) {
        if (customerCount < 1 || transactions < 1) {
            throw new IllegalArgumentException("need at least 1 customer and 1 transaction");
        }
        this.random = new SplittableRandom(seed);
        this.total = transactions;
        this.customers = new Customer[customerCount];
        this.cumulative = new double[customerCount];
        double sum = 0;
        for (int i = 0; i < customerCount; i++) {
            int bank = pick(BANK_SHARE);
            int lifestyle = pick(BANK_MIX[bank]);
            customers[i] = new Customer(String.format("C%07d", i + 1), lifestyle, bank, random.nextInt(CITIES.size()));
            sum += LIFESTYLES.get(lifestyle).activity() * Math.exp(0.3 * random.nextGaussian());
            cumulative[i] = sum;
        }
    }

    public Customer[] customers() {
        return customers.clone();
    }

    public boolean hasNext() {
        return emitted < total;
    }

    public Line next() {
        if (pendingDuplicate != null) {
            Line duplicate = pendingDuplicate;
            pendingDuplicate = null;
            emitted++;
            return duplicate;
        }
        LocalDate date = FIRST_DAY.plusDays(emitted * DAYS / total);
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = java.util.Arrays.binarySearch(cumulative, u);
        Customer customer = customers[index >= 0 ? index : Math.min(-index - 1, customers.length - 1)];
        Lifestyle lifestyle = LIFESTYLES.get(customer.lifestyle());
        int category = pick(lifestyle.shares());
        double amount = Math.round(lifestyle.ticket() * Math.exp(SPREAD * random.nextGaussian()) * 100) / 100.0;
        double quirk = random.nextDouble();
        String id = customer.id();
        if (quirk < 0.004) {
            id = null;                     // no customer id
        } else if (quirk < 0.012) {
            amount = -amount;              // a refund
        } else if (quirk < 0.013) {
            amount = 0;                    // a zero amount
        }
        emitted++;
        Line line = new Line(id, date, amount, CATEGORIES.get(category), CITIES.get(customer.city()),
                BANKS.get(customer.bank()));
        if (quirk > 0.998 && emitted < total) {
            pendingDuplicate = line;       // the next line repeats this one exactly
        }
        return line;
    }

    private int pick(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
