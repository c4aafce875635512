package com.segments.domain.feature;

/**
 * What a user says about a transaction log's columns when names and content do not say it: the column holding the
 * customer, the date and the amount, and the date format (a {@link java.time.format.DateTimeFormatter} pattern).
 * Every part is optional ({@code null}: find it).
 */
public record LogLayout(String customer, String date, String amount, String dateFormat) {

    /** Nothing said: every column is found. */
    public static final LogLayout FIND = new LogLayout(null, null, null, null);

    /** This layout, with what {@code fallback} says where this one says nothing. */
    public LogLayout over(LogLayout fallback) {
        return new LogLayout(customer != null ? customer : fallback.customer, date != null ? date : fallback.date,
                amount != null ? amount : fallback.amount, dateFormat != null ? dateFormat : fallback.dateFormat);
    }
}
