package com.segments.adapters.files;

import com.segments.domain.feature.DateFormats;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.NumberText;
import com.segments.domain.table.ColumnNames;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionFiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Transaction logs in delimited files: the customer, date and amount columns (and where present quantity, unit
 * price, category, invoice and group attributes such as bank or location) are found by their names; every line
 * becomes a {@link Transaction}. An amount that is not a number or a date in no known format stops the read,
 * naming the row and column.
 */
public final class CsvTransactionFiles implements TransactionFiles {

    @Override
    public LogFile open(Path file, Character delimiter) {
        CsvSource csv = CsvSource.open(file, delimiter);
        return new LogFile() {
            @Override
            public String name() {
                return csv.name();
            }

            @Override
            public String location() {
                return csv.location();
            }

            @Override
            public List<String> groupNames() {
                return new LineReader(csv.name()).header(csv.header());
            }

            @Override
            public String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions) {
                LineReader reader = new LineReader(csv.name());
                return csv.read(header -> groupNames.accept(reader.header(header)),
                        (row, line, fields) -> transactions.accept(reader.parse(row, line, fields)));
            }
        };
    }

    /** Reads the lines of a CSV log into transactions: finds the columns, parses amounts and dates. */
    static final class LineReader {
        private final String source;
        private List<String> header;
        private int customerAt = -1;
        private int amountAt = -1;
        private int quantityAt = -1;
        private int priceAt = -1;
        private int dateAt = -1;
        private int categoryAt = -1;
        private int invoiceAt = -1;
        private int[] groupAt = new int[0];
        private String dateFormat;
        private boolean isoDates;

        LineReader(String source) {
            this.source = source;
        }

        /** Finds the columns; returns the group attributes' names. */
        List<String> header(List<String> names) {
            header = names;
            customerAt = find(names, "customer_id", "customerid", "cust_id",
                    "client_id", "customer", "id");
            dateAt = find(names, "date", "invoicedate", "invoice_date", "transaction_date",
                    "txn_date", "timestamp", "datetime", "purchase_date");
            amountAt = find(names, "amount", "dollar_value", "totalprice", "total_price",
                    "total", "value", "spend", "price_total");
            quantityAt = find(names, "quantity", "qty", "number_of_cds", "items");
            if (amountAt < 0) {
                priceAt = find(names, "unitprice", "unit_price", "price");
                if (quantityAt < 0 || priceAt < 0) {
                    throw new DataSourceException(source + ": no amount column (amount, dollar_value, TotalPrice, ...) and no "
                            + "quantity and unit price to compute one from; header: " + names);
                }
            }
            categoryAt = find(names, "category", "merchant_category", "spend_category");
            invoiceAt = find(names, "invoiceno", "invoice_no", "invoice", "order_id",
                    "order_no");
            if (customerAt < 0) {
                throw new DataSourceException(source + ": no customer id column (customer_id, CustomerID, ...) in " + names);
            }
            if (dateAt < 0) {
                throw new DataSourceException(source + ": no date column (date, InvoiceDate, ...) in " + names);
            }
            List<Integer> groups = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (j != customerAt && j != categoryAt && ColumnNames.looksLikeGroup(names.get(j))) {
                    groups.add(j);
                }
            }
            groupAt = groups.stream().mapToInt(Integer::intValue).toArray();
            return groups.stream().map(names::get).toList();
        }

        /** The first column named like one of the candidates (case and spaces aside), or -1. */
        private static int find(List<String> names, String... candidates) {
            for (String candidate : candidates) {
                for (int j = 0; j < names.size(); j++) {
                    if (names.get(j).strip().replace(" ", "_").equalsIgnoreCase(candidate)) {
                        return j;
                    }
                }
            }
            return -1;
        }

        Transaction parse(long row, long line, List<String> fields) {
            String id = fields.get(customerAt).strip();
            double amount = amountAt >= 0 ? number(fields, amountAt, row, line)
                    : number(fields, quantityAt, row, line) * number(fields, priceAt, row, line);
            double items = 0;
            if (quantityAt >= 0) {
                double q = NumberText.parse(fields.get(quantityAt));
                items = Double.isNaN(q) ? 0 : q;
            }
            String[] groups = new String[groupAt.length];
            for (int g = 0; g < groupAt.length; g++) {
                groups[g] = fields.get(groupAt[g]).strip();
            }
            return new Transaction(Field.isMissingText(id) ? null : id, day(fields.get(dateAt), row, line), amount, items,
                    categoryAt < 0 ? null : fields.get(categoryAt).strip(),
                    invoiceAt < 0 ? null : fields.get(invoiceAt).strip(), groups, lineHash(fields));
        }

        private static long lineHash(List<String> fields) {
            long h = 1125899906842597L;
            for (String f : fields) {
                h = 31 * h + f.strip().hashCode();
                h ^= h >>> 29;
            }
            return h;
        }

        private double number(List<String> fields, int at, long row, long line) {
            double v = NumberText.parse(fields.get(at));
            if (Double.isNaN(v)) {
                throw new DataSourceException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': \"%s\" is not a number",
                        source, row, line, header.get(at), fields.get(at)));
            }
            return v;
        }

        private long day(String cell, long row, long line) {
            String text = cell.strip();
            if (dateFormat == null) {
                dateFormat = detectFormat(text);
                if (dateFormat == null) {
                    throw new DataSourceException(String.format(Locale.ROOT,
                            "%s: row %d (line %d), column '%s': \"%s\" is not a date in a known format %s", source, row,
                            line, header.get(dateAt), cell, DateFormats.KNOWN));
                }
                isoDates = dateFormat.startsWith("yyyy-MM-dd");
            }
            if (isoDates) {
                if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                    int y = digits(text, 0, 4);
                    int m = digits(text, 5, 7);
                    int d = digits(text, 8, 10);
                    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                        try {
                            return LocalDate.of(y, m, d).toEpochDay();
                        } catch (java.time.DateTimeException e) {
                            // falls through to the error below
                        }
                    }
                }
            } else {
                try {
                    return Field.parseDate(text, dateFormat).toEpochDay();
                } catch (DateTimeParseException e) {
                    // falls through
                }
            }
            throw new DataSourceException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': \"%s\" is not a date "
                    + "written as %s (the format of the first row)", source, row, line, header.get(dateAt), cell, dateFormat));
        }

        private static int digits(String s, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private static String detectFormat(String text) {
            for (String format : DateFormats.KNOWN) {
                try {
                    Field.parseDate(text, format);
                    return format;
                } catch (DateTimeParseException e) {
                    // next
                }
            }
            return null;
        }
    }

}
