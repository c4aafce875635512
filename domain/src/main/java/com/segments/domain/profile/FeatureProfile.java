package com.segments.domain.profile;

import java.util.Locale;

/**
 * One numeric feature of one segment against the whole population, in original units.
 *
 * @param standardisedDifference (segment mean - population mean) / population standard deviation
 */
public record FeatureProfile(String feature, double mean, double median, double populationMean, double populationMedian,
                             double standardisedDifference) {

    /**
     * How the segment stands out on this feature, in words, in the statistic the tables show (the mean):
     * "CASH_ADVANCE 4.6× the population mean (4,476 vs 978.9)"; in standard deviations when a ratio of means
     * would mislead (a mean at or below zero).
     */
    public String describe() {
        if (populationMean > 0 && mean >= 0) {
            return String.format(Locale.ROOT, "%s %s× the population mean (%s vs %s)", feature, ratio(mean / populationMean),
                    number(mean), number(populationMean));
        }
        String direction = standardisedDifference >= 0 ? "high" : "low";
        return String.format(Locale.ROOT, "%s %s (%+.1f standard deviations from the population mean)", feature, direction,
                standardisedDifference);
    }

    private static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
