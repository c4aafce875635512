package com.segments.adapters.cli;

import com.segments.domain.feature.LogLayout;
import picocli.CommandLine.Option;

/** What a user says about a transaction log's columns, for commands that read logs. */
class LogLayoutOptions {

    @Option(names = "--customer-column", paramLabel = "NAME",
            description = "the log's customer id column (default: found by its name, else by content)")
    String customer;

    @Option(names = "--date-column", paramLabel = "NAME", description = "the log's date column (default: found)")
    String date;

    @Option(names = "--amount-column", paramLabel = "NAME", description = "the log's amount column (default: found)")
    String amount;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "the log's date format, e.g. dd/MM/yyyy or MM/dd/yyyy HH:mm (default: decided from the data)")
    String dateFormat;

    LogLayout layout() {
        if (dateFormat != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat, java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new com.segments.domain.SegmentsException("--date-format \"" + dateFormat + "\" is not a date pattern: "
                        + e.getMessage());
            }
        }
        return new LogLayout(customer, date, amount, dateFormat);
    }
}
