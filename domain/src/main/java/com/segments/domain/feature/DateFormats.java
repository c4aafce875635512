package com.segments.domain.feature;

import java.time.format.DateTimeParseException;
import java.util.List;

/** The date formats met in customer tables and transaction logs, and how one is recognised from a column's cells. */
public final class DateFormats {

    /** Tried in this order. */
    public static final List<String> KNOWN = List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
            "dd-MM-yyyy", "dd/MM/yyyy", "M/d/yyyy", "M/d/yy H:mm", "M/d/yyyy H:mm", "yyyyMMdd", "yyyy/MM/dd");

    /** Share of the present cells tried that a format must read. */
    public static final double SHARE = 0.9;

    private DateFormats() {
    }

    /** The first known format that reads at least 90% of the present cells (up to 200 are tried), or null. */
    public static String detect(Iterable<String> cells) {
        for (String format : KNOWN) {
            int tried = 0;
            int parsed = 0;
            for (String cell : cells) {
                if (tried == 200) {
                    break;
                }
                if (cell == null || Field.isMissingText(cell)) {
                    continue;
                }
                tried++;
                try {
                    Field.parseDate(cell.strip(), format);
                    parsed++;
                } catch (DateTimeParseException e) {
                    // not this format
                }
            }
            if (tried > 0 && parsed >= SHARE * tried) {
                return format;
            }
        }
        return null;
    }
}
