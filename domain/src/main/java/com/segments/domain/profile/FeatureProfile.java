package com.segments.domain.profile;

import java.util.Locale;

/**
 * One numeric feature of one segment against the whole population, in original units.
 *
 * @param standardisedDifference (segment mean - population mean) / population standard deviation
 */
public record FeatureProfile(String feature, double mean, double median, double populationMean, double populationMedian,
                             double standardisedDifference) {

    /** How the segment stands out on this feature, in words: "CASH_ADVANCE 3.1× the population median". */
    public String describe() {
        String direction = standardisedDifference >= 0 ? "high" : "low";
        if (populationMedian > 0 && median >= 0) {
            return String.format(Locale.ROOT, "%s %s× the population median (%s vs %s)", feature, ratio(median / populationMedian),
                    number(median), number(populationMedian));
        }
        if (populationMean > 0 && mean >= 0) {
            return String.format(Locale.ROOT, "%s %s× the population mean (%s vs %s)", feature, ratio(mean / populationMean),
                    number(mean), number(populationMean));
        }
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
