package com.segments.adapters.web;

import java.nio.file.Path;
import java.util.Locale;

/** How the console writes numbers and names for people: one place, so every page writes them the same way. */
final class Text {

    private Text() {
    }

    /** 0.2345 as "23.5%". */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "–";
    }

    /** A measurement with three significant digits, thousands grouped; a dash when it is not known. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        return magnitude >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : magnitude >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Where data came from, as its file name: the server's own directories are not shown on a page. */
    static String source(String location) {
        if (location == null || location.isBlank()) {
            return "–";
        }
        Path name = Path.of(location).getFileName();
        return name == null ? location : name.toString();
    }
}
