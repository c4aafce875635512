package com.segments.application.transactions;

import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.transaction.CustomerActivity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which profile columns a model reads, and how one customer's {@link CustomerActivity} fills them: the same values
 * batch aggregation ({@link TransactionProfiles}) writes into those columns, to the last digit.
 *
 * <p>A category is found by its column name ({@code spend_X}, {@code share_X}). A category the columns do not name
 * is where batch aggregation would have put it: into {@code Other} when the columns name at least
 * {@value TransactionProfiles#MAX_CATEGORIES} categories and {@code Other} (batch sums every category beyond the
 * first {@value TransactionProfiles#MAX_CATEGORIES} there), else into its own column, which these columns do not
 * read.
 */
public final class ProfileLayout {

    /** The profile columns every customer has, besides group attributes and spend and share per category. */
    public static final List<String> FIXED = List.of("frequency", "monetary", "avg_ticket", "recency_days",
            "tenure_days", "active_months", "items");

    private final List<String> columns;
    private final List<String> groupNames;
    private final Map<String, Integer> categoryColumn = new HashMap<>(); // column name part -> index
    private final int otherColumn;

    private ProfileLayout(List<String> columns, List<String> groupNames) {
        this.columns = List.copyOf(columns);
        this.groupNames = List.copyOf(groupNames);
        for (String column : columns) {
            String category = category(column);
            if (category != null) {
                categoryColumn.putIfAbsent(category, categoryColumn.size());
            } else if (!FIXED.contains(column) && !groupNames.contains(column)) {
                throw new IllegalArgumentException("'" + column + "' is not a transaction profile column (those are "
                        + FIXED + ", spend_CATEGORY, share_CATEGORY and the group attributes " + groupNames + ")");
            }
        }
        Integer other = categoryColumn.get("Other");
        otherColumn = other != null && categoryColumn.size() >= TransactionProfiles.MAX_CATEGORIES ? other : -1;
    }

    /**
     * @param columns    the profile columns to fill, by name
     * @param groupNames the group attributes the transactions carry, in their order
     * @throws IllegalArgumentException naming the first column that is not a transaction profile column
     */
    public static ProfileLayout of(List<String> columns, List<String> groupNames) {
        return new ProfileLayout(columns, groupNames);
    }

    /**
     * The columns a model reads, when they are all profile columns (its group attributes are carried along).
     *
     * @throws IllegalArgumentException naming a field that is not a transaction profile column
     */
    public static ProfileLayout of(FeatureSchema schema, List<String> groupNames) {
        return new ProfileLayout(schema.features(), groupNames);
    }

    public List<String> columns() {
        return columns;
    }

    private static String category(String column) {
        if (column.startsWith("spend_")) {
            return column.substring("spend_".length());
        }
        return column.startsWith("share_") ? column.substring("share_".length()) : null;
    }

    /**
     * The customer's values of every column, in column order ({@code recency_days} and {@code tenure_days} counted
     * to {@code asOfDay}); a group attribute the customer has no value for is null.
     */
    public Map<String, Object> values(CustomerActivity activity, long asOfDay) {
        double[] spend = new double[categoryColumn.size()];
        activity.spendInto(this::columnOf, spend);
        List<String> groups = activity.groups();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            values.put(column, value(column, activity, asOfDay, spend, groups));
        }
        return values;
    }

    private Object value(String column, CustomerActivity a, long asOfDay, double[] spend, List<String> groups) {
        return switch (column) {
            case "frequency" -> (double) a.visits();
            case "monetary" -> a.monetary();
            case "avg_ticket" -> a.averageTicket();
            case "recency_days" -> a.recencyDays(asOfDay);
            case "tenure_days" -> a.tenureDays(asOfDay);
            case "active_months" -> (double) a.activeMonths();
            case "items" -> a.items();
            default -> {
                String category = category(column);
                if (category == null) {
                    int g = groupNames.indexOf(column);
                    String value = groups == null || g >= groups.size() ? null : groups.get(g);
                    yield value == null || value.isEmpty() ? null : value;
                }
                double s = spend[categoryColumn.get(category)];
                yield column.startsWith("spend_") ? s : a.share(s);
            }
        };
    }

    private int columnOf(String category) {
        Integer column = categoryColumn.get(TransactionProfiles.columnName(category));
        return column != null ? column : otherColumn;
    }

    /** The categories a model's columns name, for messages. */
    public Set<String> categories() {
        return categoryColumn.keySet();
    }
}
