package com.segments.application.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Credit-card customers drawn from a few known spending patterns, so a fresh machine has data whose true segments
 * are known. Amounts are log-normal around each pattern's typical value (right-skewed, like real card data),
 * frequencies are shares in [0, 1], and about 1% of cells are left empty to exercise imputation.
 */
public final class SyntheticCustomers {

    /** Column names, after the id column. */
    public static final List<String> FEATURES = List.of("balance", "purchases", "oneoff_purchases",
            "installment_purchases", "cash_advance", "purchase_frequency", "credit_limit", "payments", "tenure_months");

    /**
     * A latent segment: its share of customers and the typical value of each feature (amounts are medians of a
     * log-normal, frequency is a mean, tenure is a mean in months).
     */
    public record Pattern(String name, double share, double[] typical) {
    }

    public static final List<Pattern> PATTERNS = List.of(
            new Pattern("Premium spenders", 0.20, new double[] {2500, 6000, 4000, 2000, 150, 0.90, 12000, 5500, 11.5}),
            new Pattern("Cash-advance heavy", 0.25, new double[] {4000, 250, 120, 120, 3500, 0.12, 6000, 3000, 10.5}),
            new Pattern("Installment buyers", 0.30, new double[] {900, 1500, 100, 1400, 40, 0.80, 4000, 1300, 11.0}),
            new Pattern("Low engagement", 0.25, new double[] {250, 80, 40, 40, 25, 0.10, 1800, 250, 8.0}));

    private static final double SPREAD = 0.25;
    private static final double MISSING_RATE = 0.01;

    /** One generated customer: id, true pattern index, and raw feature values ({@code NaN} = left empty). */
    public record Customer(String id, int pattern, double[] values) {
    }

    private final SplittableRandom random;
    private final double[] cumulative;
    private int next = 1;

    public SyntheticCustomers(long seed) {
        this.random = new SplittableRandom(seed);
        this.cumulative = new double[PATTERNS.size()];
        double total = 0;
        for (int p = 0; p < PATTERNS.size(); p++) {
            total += PATTERNS.get(p).share();
            cumulative[p] = total;
        }
    }

    public Customer next() {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int pattern = 0;
        while (u > cumulative[pattern]) {
            pattern++;
        }
        double[] typical = PATTERNS.get(pattern).typical();
        double[] values = new double[typical.length];
        for (int j = 0; j < typical.length; j++) {
            String feature = FEATURES.get(j);
            double value = switch (feature) {
                case "purchase_frequency" -> clamp(typical[j] + 0.07 * random.nextGaussian(), 0, 1);
                case "tenure_months" -> Math.round(clamp(typical[j] + 1.5 * random.nextGaussian(), 6, 12));
                default -> Math.round(typical[j] * Math.exp(SPREAD * random.nextGaussian()) * 100) / 100.0;
            };
            values[j] = random.nextDouble() < MISSING_RATE ? Double.NaN : value;
        }
        return new Customer(String.format("C%06d", next++), pattern, values);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
