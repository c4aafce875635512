package com.segments.domain.transaction;

import com.segments.domain.feature.LogLayout;

import com.segments.domain.feature.DateFormats;
import com.segments.domain.feature.NumberText;
import com.segments.domain.table.ColumnNames;
import com.segments.domain.table.DataSourceException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds which columns of a transaction log hold the customer, the date and the amount (and where present the
 * quantity, unit price, category, invoice and group attributes): what the {@link LogLayout} says; else the names
 * people give them ({@code AccountNo}, {@code Cust_ID}, {@code txn_amt}, {@code Trans Date}); else the content
 * (an id repeated across rows, a column of dates, a column of non-negative decimals). Each choice comes with its
 * reason; two equally good candidates are an error naming both, never a guess.
 */
public final class LogColumns {

    /**
     * @param price      the unit price column when the amount is quantity times price (amount is then -1)
     * @param groups     group attributes (bank, branch, location, ...)
     * @param dateFormat the date format the dates are read in
     * @param notes      what was chosen and why, one line per column, for the user
     */
    public record Found(List<String> header, int customer, int date, int amount, int quantity, int price,
                        int category, int invoice, int[] groups, String dateFormat, List<String> notes) {

        public List<String> groupNames() {
            return Arrays.stream(groups).mapToObj(header::get).toList();
        }
    }

    private LogColumns() {
    }

    /**
     * @param sample the first rows as written, as wide as the header
     * @throws DataSourceException naming what is missing or ambiguous, and how to say which column it is
     */
    public static Found find(String source, List<String> header, List<String[]> sample, LogLayout layout) {
        Finder finder = new Finder(source, header, sample);
        int customer = finder.role("customer", layout.customer(), "--customer-column", LogColumns::customerScore,
                finder::repeatedIds);
        int date = finder.role("date", layout.date(), "--date-column", LogColumns::dateScore, finder::datesByContent);
        int amount = finder.optionalRole("amount", layout.amount(), "--amount-column", LogColumns::amountScore);
        int quantity = finder.byName(LogColumns::quantityScore, "quantity");
        int price = amount >= 0 ? -1 : finder.byName(LogColumns::priceScore, "unit price");
        if (amount < 0 && (quantity < 0 || price < 0)) {
            amount = finder.amountsByContent(Set.of(customer, date));
        }
        int category = finder.byName(LogColumns::categoryScore, "category");
        int invoice = finder.byName(LogColumns::invoiceScore, "invoice");
        String format = finder.dateFormat(date, layout.dateFormat());
        List<Integer> groups = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            if (j != customer && j != category && j != date && j != amount && ColumnNames.looksLikeGroup(header.get(j))) {
                groups.add(j);
            }
        }
        return new Found(List.copyOf(header), customer, date, amount, quantity, price, category, invoice,
                groups.stream().mapToInt(Integer::intValue).toArray(), format, finder.notes);
    }

    // ---------------------------------------------------------------- names

    /** A name in words: lower case, camel case and punctuation split ({@code AccountNo} is {@code account no}). */
    static List<String> words(String name) {
        String spaced = name.strip().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        return Arrays.stream(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static final Set<String> WHO = Set.of("customer", "cust", "client", "account", "acct", "acc", "member",
            "user", "holder", "card", "consumer", "shopper", "buyer", "subscriber");
    private static final Set<String> KEY = Set.of("id", "no", "num", "number", "nbr", "key", "code", "ref");
    private static final Set<String> NOT_WHO = Set.of("transaction", "txn", "trans", "invoice", "order", "line",
            "item", "product", "stock", "receipt", "bill", "merchant", "store", "branch", "date", "time");

    static int customerScore(String name) {
        List<String> w = words(name);
        if (w.stream().anyMatch(NOT_WHO::contains)) {
            return 0;
        }
        boolean who = w.stream().anyMatch(WHO::contains);
        boolean key = w.stream().anyMatch(KEY::contains);
        if (who) {
            return key || w.size() == 1 ? 3 : 2;
        }
        return w.equals(List.of("id")) ? 1 : 0;
    }

    static int dateScore(String name) {
        List<String> w = words(name);
        if (w.contains("birth") || w.contains("dob") || w.contains("expiry") || w.contains("expiration")) {
            return 0;
        }
        if (w.stream().anyMatch(x -> x.equals("date") || x.equals("datetime") || x.equals("timestamp") || x.equals("dt"))) {
            return w.stream().anyMatch(x -> Set.of("transaction", "txn", "trans", "invoice", "purchase", "order",
                    "posted", "posting", "booking", "value").contains(x)) ? 3 : 2;
        }
        return w.equals(List.of("time")) || w.equals(List.of("day")) ? 1 : 0;
    }

    private static final Set<String> MONEY = Set.of("amount", "amt", "value", "total", "spend", "spent", "sum",
            "sales", "revenue", "debit", "withdrawal", "paid", "payment", "dollar", "dollars", "price", "cost");

    static int amountScore(String name) {
        List<String> w = words(name);
        if (w.contains("unit") || w.contains("balance") || w.contains("limit") || w.equals(List.of("price"))
                || w.contains("unitprice")) {
            return 0;
        }
        if (w.contains("totalprice") || w.containsAll(List.of("total", "price")) || w.containsAll(List.of("price", "total"))) {
            return 3;
        }
        long money = w.stream().filter(MONEY::contains).count();
        if (money == 0) {
            return 0;
        }
        return w.contains("amount") || w.contains("amt") || w.contains("dollar") ? 3 : 2;
    }

    static int quantityScore(String name) {
        List<String> w = words(name);
        return w.contains("quantity") || w.contains("qty") || w.contains("units") || w.equals(List.of("items"))
                || name.equalsIgnoreCase("number_of_cds") ? 2 : 0;
    }

    static int priceScore(String name) {
        List<String> w = words(name);
        return w.contains("unitprice") || w.containsAll(List.of("unit", "price")) ? 3 : w.equals(List.of("price")) ? 2 : 0;
    }

    static int categoryScore(String name) {
        List<String> w = words(name);
        return w.contains("category") || w.contains("mcc") ? 2 : 0;
    }

    static int invoiceScore(String name) {
        List<String> w = words(name);
        if (w.contains("invoiceno") || w.contains("invoice") && !w.contains("date")) {
            return 3;
        }
        return (w.contains("order") || w.contains("receipt") || w.contains("basket")) && w.stream().anyMatch(KEY::contains)
                ? 2 : 0;
    }

    // ---------------------------------------------------------------- finding

    /** The search over one header and its sample, collecting notes. */
    private static final class Finder {
        private final String source;
        private final List<String> header;
        private final List<String[]> sample;
        final List<String> notes = new ArrayList<>();

        Finder(String source, List<String> header, List<String[]> sample) {
            this.source = source;
            this.header = header;
            this.sample = sample;
        }

        /** A column a log must have: declared, else named, else found by content; an error when none. */
        int role(String role, String declared, String option, ToIntFunction<String> score, ContentSearch content) {
            int found = declaredOrNamed(role, declared, option, score);
            if (found >= 0) {
                return found;
            }
            found = content.find();
            if (found < 0) {
                throw new DataSourceException(source + ": no " + role + " column found in " + header + "; say which it is "
                        + "with " + option + " NAME");
            }
            return found;
        }

        int optionalRole(String role, String declared, String option, ToIntFunction<String> score) {
            return declaredOrNamed(role, declared, option, score);
        }

        private int declaredOrNamed(String role, String declared, String option, ToIntFunction<String> score) {
            if (declared != null) {
                int at = header.indexOf(declared);
                if (at < 0) {
                    throw new DataSourceException(source + ": " + option + " names column '" + declared
                            + "', which is not in the header " + header);
                }
                notes.add(role + " column: '" + declared + "' (as told)");
                return at;
            }
            int best = 0;
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                int s = score.applyAsInt(header.get(j));
                if (s > best) {
                    best = s;
                    candidates.clear();
                }
                if (s > 0 && s == best) {
                    candidates.add(j);
                }
            }
            if (candidates.size() > 1) {
                throw new DataSourceException(source + ": the " + role + " column is ambiguous: "
                        + candidates.stream().map(j -> "'" + header.get(j) + "'").toList()
                        + " all look like one; say which with " + option + " NAME");
            }
            if (candidates.size() == 1) {
                notes.add(role + " column: '" + header.get(candidates.getFirst()) + "' (named like one)");
                return candidates.getFirst();
            }
            return -1;
        }

        int byName(ToIntFunction<String> score, String role) {
            int best = 0;
            int at = -1;
            for (int j = 0; j < header.size(); j++) {
                int s = score.applyAsInt(header.get(j));
                if (s > best) {
                    best = s;
                    at = j;
                }
            }
            return at;
        }

        private List<String> cells(int j) {
            return sample.stream().map(row -> row[j]).toList();
        }

        /** The column whose values repeat across rows most like ids (not numbers with decimals, not dates). */
        int repeatedIds() {
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                List<String> cells = cells(j);
                List<String> present = cells.stream().filter(c -> !NumberText.isMissing(c)).map(String::strip).toList();
                if (present.size() < 2 || DateFormats.detection(cells).found() || decimals(present)) {
                    continue;
                }
                double distinct = new HashSet<>(present).size() / (double) present.size();
                if (distinct < 0.9 && new HashSet<>(present).size() > 1) {
                    candidates.add(j);
                }
            }
            return single(candidates, "customer", "--customer-column", "its values repeat across rows, as a customer's id does");
        }

        int datesByContent() {
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                DateFormats.Detection detection = DateFormats.detection(cells(j));
                if (detection.found() || !detection.ambiguous().isEmpty()) {
                    candidates.add(j);
                }
            }
            return single(candidates, "date", "--date-column", "its values are dates");
        }

        int amountsByContent(Set<Integer> taken) {
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                List<String> present = cells(j).stream().filter(c -> !NumberText.isMissing(c)).toList();
                if (taken.contains(j) || present.isEmpty()) {
                    continue;
                }
                long numbers = present.stream().filter(c -> !Double.isNaN(NumberText.parse(c))).count();
                boolean nonNegative = present.stream().mapToDouble(NumberText::parse).filter(v -> !Double.isNaN(v))
                        .allMatch(v -> v >= 0);
                if (numbers >= DateFormats.SHARE * present.size() && decimals(present) && nonNegative) {
                    candidates.add(j);
                }
            }
            int at = single(candidates, "amount", "--amount-column", "its values are non-negative decimals");
            if (at < 0) {
                throw new DataSourceException(source + ": no amount column (amount, dollar_value, TotalPrice, ...) and no "
                        + "quantity and unit price to compute one from; header: " + header + "; say which with "
                        + "--amount-column NAME");
            }
            return at;
        }

        private int single(List<Integer> candidates, String role, String option, String why) {
            if (candidates.size() > 1) {
                throw new DataSourceException(source + ": no column is named like the " + role + ", and "
                        + candidates.stream().map(j -> "'" + header.get(j) + "'").toList() + " all could be it ("
                        + why + "); say which with " + option + " NAME");
            }
            if (candidates.isEmpty()) {
                return -1;
            }
            notes.add(role + " column: '" + header.get(candidates.getFirst()) + "' (" + why + ")");
            return candidates.getFirst();
        }

        String dateFormat(int date, String declared) {
            if (declared != null) {
                notes.add("dates read as " + declared + " (as told)");
                return declared;
            }
            DateFormats.Detection detection = DateFormats.detection(cells(date));
            if (!detection.ambiguous().isEmpty()) {
                throw new AmbiguousDates(source + ": the dates in '" + header.get(date) + "' read both day-first and "
                        + "month-first (for example \"" + detection.example() + "\"); say which with --date-format, e.g. "
                        + detection.ambiguous().stream().map(f -> f.replaceAll("\\[.*", "")).toList());
            }
            if (!detection.found()) {
                String first = sample.stream().map(row -> row[date]).filter(c -> !NumberText.isMissing(c)).findFirst()
                        .orElse("");
                throw new DataSourceException(source + ": column '" + header.get(date) + "': \"" + first + "\" is not a date "
                        + "in a known format; say which with --date-format (a pattern such as dd/MM/yyyy)");
            }
            return detection.format();
        }
    }

    /** Whether some values have a fractional part (money), as ids and counts do not. */
    private static boolean decimals(List<String> present) {
        return present.stream().anyMatch(c -> {
            double v = NumberText.parse(c);
            return !Double.isNaN(v) && v != Math.rint(v);
        });
    }

    /** The sample's dates read both day-first and month-first; more rows may settle it. */
    public static final class AmbiguousDates extends DataSourceException {
        AmbiguousDates(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface ContentSearch {
        int find();
    }
}
