package com.segments.domain.feature;


import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a user declared about the features: what each column is and how it becomes features. Read from a spec
 * file (see {@code examples/} and the README) by the {@link FeatureSpecs} port; what it leaves out is inferred.
 *
 * @param idColumn     the column that identifies a customer, or null to infer it
 * @param delimiter    the field separator, or null to detect it
 * @param inferOthers  whether columns the spec does not list are inferred (true) or ignored (false)
 * @param defaults     numeric options for columns that do not set their own
 * @param columns      per column, by header name
 * @param derived      derived features, in order
 * @param pca          principal components to keep, or null for none
 * @param dropConstant whether columns with a single value are dropped (reported)
 * @param transactions for a transaction log: which columns hold the customer, the date and the amount, and the
 *                     date format, where names and content do not say
 */
public record FeatureSpec(String idColumn, Character delimiter, boolean inferOthers, NumericOptions defaults,
                          Map<String, ColumnSpec> columns, List<DerivedSpec> derived, PcaSpec pca, boolean dropConstant,
                          LogLayout transactions) {

    public FeatureSpec(String idColumn, Character delimiter, boolean inferOthers, NumericOptions defaults,
                       Map<String, ColumnSpec> columns, List<DerivedSpec> derived, PcaSpec pca, boolean dropConstant) {
        this(idColumn, delimiter, inferOthers, defaults, columns, derived, pca, dropConstant, LogLayout.FIND);
    }

    public FeatureSpec {
        Objects.requireNonNull(defaults, "defaults");
        transactions = transactions == null ? LogLayout.FIND : transactions;
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        derived = List.copyOf(derived);
    }

    /** What a column is for. {@code WEIGHT}: a customer's sample weight, read as a number, never a feature. */
    public enum Role { ID, NUMERIC, CATEGORICAL, DATE, GROUP, WEIGHT, IGNORE }

    public enum Impute { MEDIAN, MEAN, CONSTANT }

    public enum Outliers { NONE, WINSORIZE, IQR }

    public enum Transform { NONE, LOG1P, AUTO }

    public enum Scale { STANDARD, ROBUST, MINMAX, NONE }

    /**
     * @param impute         how a missing value is filled
     * @param constant       the fill value for {@link Impute#CONSTANT}
     * @param validMin       values below are errors in the data, read as missing (null: no bound)
     * @param validMax       values above are errors in the data, read as missing (null: no bound)
     * @param outliers       how extreme (but valid) values are tamed
     * @param lowerQuantile  winsorising quantiles
     * @param upperQuantile  winsorising quantiles
     * @param iqrFactor      fences at Q1 - f·IQR and Q3 + f·IQR
     * @param transform      log1p, none, or auto (log1p when the column is non-negative and right-skewed)
     * @param scale          scaling after the transform
     */
    public record NumericOptions(Impute impute, double constant, Double validMin, Double validMax, Outliers outliers,
                                 double lowerQuantile, double upperQuantile, double iqrFactor, Transform transform,
                                 Scale scale) {
        public static final NumericOptions INFERRED = new NumericOptions(Impute.MEDIAN, 0, null, null, Outliers.NONE,
                0.01, 0.99, 1.5, Transform.NONE, Scale.STANDARD);
    }

    /**
     * @param ordinal whether the levels are ordered (read as their rank) rather than one-hot encoded
     * @param order   the ordered levels, for an ordinal column
     * @param top     at most this many levels get their own column; the rest are grouped as "other"
     * @param map     value to level (normalised); the target {@code unknown} sends a value to the other bucket
     */
    public record CategoricalOptions(boolean ordinal, List<String> order, int top, Map<String, String> map) {
        public static final CategoricalOptions INFERRED = new CategoricalOptions(false, List.of(), 10, Map.of());
    }

    /** What the spec says of one column; options not given are null. */
    public record ColumnSpec(Role role, NumericOptions numeric, CategoricalOptions categorical, String dateFormat) {
    }

    public record DerivedSpec(String name, String formula, double onZero, NumericOptions numeric) {
    }

    /** Keep the fewest components explaining {@code variance}, or exactly {@code components}. */
    public record PcaSpec(Double variance, Integer components) {
    }

    /** The spec used when none is given: infer everything. */
    public static final FeatureSpec INFER = new FeatureSpec(null, null, true, NumericOptions.INFERRED, Map.of(),
            List.of(), null, true);

    /** The column the spec makes the id (by {@code id:} or a column's role), or null. */
    public String declaredId() {
        if (idColumn != null) {
            return idColumn;
        }
        return columns.entrySet().stream().filter(e -> e.getValue().role() == Role.ID).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The column the spec makes the sample weight, or null. */
    public String weightColumn() {
        return columns.entrySet().stream().filter(e -> e.getValue().role() == Role.WEIGHT).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
