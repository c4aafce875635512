package com.segments.domain.transaction;

/**
 * One line of a transaction log, as read.
 *
 * @param customer  the customer's id, or null when the line has none
 * @param day       the date, as days since 1970-01-01
 * @param amount    the line's value (negative for a refund)
 * @param items     the quantity, 0 when the log has none
 * @param category  the spend category, or null when the log has none
 * @param invoice   the invoice or order number, or null
 * @param groups    the values of the log's group attributes (bank, location, ...), in the order the source names them
 * @param lineHash  identifies the whole line, for finding exact duplicates
 */
public record Transaction(String customer, long day, double amount, double items, String category, String invoice,
                          String[] groups, long lineHash) {
}
