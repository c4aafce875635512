package com.segments.domain.feature;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The date formats met in customer tables and transaction logs, and how a column's format is recognised from its
 * cells: day-first and month-first are told apart by the data (a first number above 12 is a day, a second above 12
 * is a day), and a column whose every date reads both ways is ambiguous, which the caller must report rather than
 * guess.
 */
public final class DateFormats {

    /** Tried in this order; a time of day after the date is optional in each. */
    public static final List<String> KNOWN = List.of(
            "yyyy-MM-dd[['T'][ ]HH:mm[:ss][.SSS][XXX]]", "yyyy/MM/dd[ H:mm[:ss]]", "yyyyMMdd", "yyyy.MM.dd[ H:mm[:ss]]",
            "d/M/yyyy[ H:mm[:ss]]", "M/d/yyyy[ H:mm[:ss]]", "d-M-yyyy[ H:mm[:ss]]", "M-d-yyyy[ H:mm[:ss]]",
            "d.M.yyyy[ H:mm[:ss]]", "d/M/yy[ H:mm[:ss]]", "M/d/yy[ H:mm[:ss]]", "d-M-yy[ H:mm[:ss]]",
            "d-MMM-yyyy[ H:mm[:ss]]", "d MMM yyyy[ H:mm[:ss]]", "d-MMM-yy[ H:mm[:ss]]", "MMM d, yyyy[ H:mm[:ss]]");

    /** Share of the present cells tried that a format must read. */
    public static final double SHARE = 0.9;

    /** Cells tried at most. */
    static final int TRIED = 500;

    private DateFormats() {
    }

    /**
     * What the cells say about their format.
     *
     * @param format    the format that reads them, or null
     * @param ambiguous the formats that read them equally well when day and month cannot be told apart (then
     *                  {@code format} is null), else empty
     * @param example   a cell that reads both ways, for the message
     */
    public record Detection(String format, List<String> ambiguous, String example) {
        public boolean found() {
            return format != null;
        }
    }

    /** The first known format that reads at least 90% of the present cells (up to 500 are tried), or null. */
    public static String detect(Iterable<String> cells) {
        return detection(cells).format();
    }

    /** The format of the cells, or why there is none (no format reads them, or day and month are ambiguous). */
    public static Detection detection(Iterable<String> cells) {
        List<String> present = new ArrayList<>();
        for (String cell : cells) {
            if (cell != null && !Field.isMissingText(cell)) {
                present.add(cell.strip());
                if (present.size() == TRIED) {
                    break;
                }
            }
        }
        Detection first = detection(present);
        if (first.ambiguous().isEmpty()) {
            return first;
        }
        // day-first or month-first: any cell beyond the first ones that reads only one way settles it
        for (String cell : cells) {
            if (cell == null || Field.isMissingText(cell)) {
                continue;
            }
            boolean dayFirst = parses(cell.strip(), first.ambiguous().get(0));
            boolean monthFirst = parses(cell.strip(), first.ambiguous().get(1));
            if (dayFirst != monthFirst) {
                return new Detection(first.ambiguous().get(dayFirst ? 0 : 1), List.of(), null);
            }
        }
        return first;
    }

    private static Detection detection(List<String> present) {
        if (present.isEmpty()) {
            return new Detection(null, List.of(), null);
        }
        List<String> reading = new ArrayList<>();
        for (String format : KNOWN) {
            long parsed = present.stream().filter(cell -> parses(cell, format)).count();
            if (parsed >= SHARE * present.size()) {
                reading.add(format);
            }
        }
        if (reading.isEmpty()) {
            return new Detection(null, List.of(), null);
        }
        String first = reading.getFirst();
        String twin = swapped(first);
        if (twin != null && reading.contains(twin)) {
            String example = present.stream().filter(cell -> parses(cell, first) && parses(cell, twin)).findFirst().orElse(null);
            return new Detection(null, List.of(first, twin), example);
        }
        return new Detection(first, List.of(), null);
    }

    /** The month-first twin of a day-first format and the other way round, or null for a format without one. */
    static String swapped(String format) {
        if (format.startsWith("d/M/") || format.startsWith("d-M-") || format.startsWith("d.M.")) {
            return "M" + format.charAt(1) + "d" + format.substring(3);
        }
        if (format.startsWith("M/d/") || format.startsWith("M-d-") || format.startsWith("M.d.")) {
            return "d" + format.charAt(1) + "M" + format.substring(3);
        }
        return null;
    }

    private static boolean parses(String cell, String format) {
        try {
            Field.parseDate(cell, format);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
