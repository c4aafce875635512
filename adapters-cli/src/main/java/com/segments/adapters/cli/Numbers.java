package com.segments.adapters.cli;

import java.util.Locale;

/** Number formats for terminal output: readable, never scientific for ordinary magnitudes. */
final class Numbers {

    private Numbers() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A prediction agreement: two decimals of a percent, since 99.5% and 99.9% differ; "-" when not measured. */
    static String agreement(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    static String value(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String metric(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
