package com.segments.application.data;

import com.segments.application.data.FeatureSpec.CategoricalOptions;
import com.segments.application.data.FeatureSpec.ColumnSpec;
import com.segments.application.data.FeatureSpec.NumericOptions;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Projector;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans and fits the feature pipeline of a table: decides each column's role (from the spec, else by inference,
 * with the reason), reads the raw vectors, then fits plausible ranges, derived features, imputation, outlier
 * handling, log transforms, one-hot encoding, scaling and PCA, in that order. Every row dropped and every value
 * changed is counted in the report; nothing is dropped silently.
 */
public final class FeaturePipeline {

    /** Share of a column's present cells that must be numbers (or dates) for it to count as numeric (or a date). */
    static final double NUMERIC_SHARE = 0.9;
    /** A text column with at most this many distinct values is inferred categorical. */
    static final int MAX_INFERRED_LEVELS = 30;
    /** Skewness above which a non-negative column is log-transformed when the transform is {@code auto}. */
    static final double SKEWED = 1.0;

    /** Date formats met in customer tables and transaction logs, tried in this order. */
    static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
            "dd-MM-yyyy", "dd/MM/yyyy", "M/d/yyyy", "M/d/yy H:mm", "M/d/yyyy H:mm", "yyyyMMdd", "yyyy/MM/dd");

    private FeaturePipeline() {
    }

    /** One column's role and options, and why. */
    record Decision(String name, ColumnRole role, String reason, NumericOptions numeric, CategoricalOptions categorical,
                    String dateFormat) {
        static Decision of(String name, ColumnRole role, String reason) {
            return new Decision(name, role, reason, null, null, null);
        }
    }

    /**
     * Fits the pipeline.
     *
     * @param spec      what the user declared ({@link FeatureSpec#INFER} for nothing)
     * @param projector the linear algebra behind PCA, or null when no PCA is asked for
     */
    public static PreparedTable fit(RawTable table, FeatureSpec spec, Projector projector) {
        for (String listed : spec.columns().keySet()) {
            if (table.column(listed) == null) {
                throw new DataFileException(table.source() + ": the feature spec names column '" + listed
                        + "', which is not in the header " + table.header());
            }
        }
        int idIndex = chooseId(table, spec);
        List<Decision> decisions = new ArrayList<>();
        for (int j = 0; j < table.columns().size(); j++) {
            RawTable.Column column = table.columns().get(j);
            if (j == idIndex) {
                decisions.add(Decision.of(column.name(), ColumnRole.ID, spec.idColumn() != null ? "the spec's id"
                        : looksLikeId(column.name()) ? "named like an id" : "first column, unique text values"));
                continue;
            }
            ColumnSpec listed = spec.columns().get(column.name());
            Decision decision = listed != null ? declared(table, column, listed)
                    : spec.inferOthers() ? infer(table, column, spec, idIndex >= 0)
                    : Decision.of(column.name(), ColumnRole.IGNORED, "not in the spec (infer: false)");
            decisions.add(decision);
        }
        return new Fitter(table, spec, decisions, idIndex, projector).fit();
    }

    // ---------------------------------------------------------------- deciding roles

    private static int chooseId(RawTable table, FeatureSpec spec) {
        if (spec.idColumn() != null) {
            return table.header().indexOf(spec.idColumn());
        }
        for (Map.Entry<String, ColumnSpec> e : spec.columns().entrySet()) {
            if (e.getValue().role() == FeatureSpec.Role.ID) {
                return table.header().indexOf(e.getKey());
            }
        }
        if (!spec.inferOthers()) {
            return -1;
        }
        List<RawTable.Column> columns = table.columns();
        for (int j = 0; j < columns.size(); j++) {
            if (looksLikeId(columns.get(j).name()) && !spec.columns().containsKey(columns.get(j).name())) {
                return j;
            }
        }
        RawTable.Column first = columns.getFirst();
        if (first.text() != null && !spec.columns().containsKey(first.name())) {
            Set<String> seen = new HashSet<>();
            long numbers = 0;
            for (int i = 0; i < table.rows(); i++) {
                if (first.isMissing(i) || !seen.add(first.cell(i).strip())) {
                    return -1;
                }
                if (!Double.isNaN(first.number(i))) {
                    numbers++;
                }
            }
            return numbers < NUMERIC_SHARE * table.rows() ? 0 : -1;
        }
        return -1;
    }

    static boolean looksLikeId(String column) {
        String lower = column.toLowerCase(Locale.ROOT).strip();
        return lower.equals("id") || lower.endsWith("_id") || lower.endsWith(" id") || lower.endsWith("-id")
                || lower.matches("(customer|cust|client|user|member|account)[ _-]?(id|no|number)")
                || lower.equals("customerid") || lower.equals("clientid");
    }

    private static final List<String> GROUP_WORDS = List.of("bank", "branch", "country", "state", "city", "region",
            "location", "store", "zone", "area", "territory");

    static boolean looksLikeGroup(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        for (String word : GROUP_WORDS) {
            if (lower.matches("(.*[^a-z])?" + word + "([^a-z].*)?|" + word + "(_?(code|name|id))?")) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> PERSONAL_WORDS = List.of("name", "address", "street", "phone", "mobile",
            "email", "e-mail", "pan_card", "pan card", "pancard", "adhar", "aadhar", "aadhaar", "card_no", "card_number",
            "card no", "ssn", "social_security", "passport", "kyc_number", "kyc_no", "crn", "demat_account_no",
            "account_no", "account_number", "iban", "zip", "postcode", "postal", "pin_code", "pincode",
            "date_of_birth", "birth_date", "birthdate", "dob", "ip_address");

    /** Personal data (names, contact, identity or card numbers, addresses) never becomes a feature. */
    static boolean looksPersonal(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        for (String word : PERSONAL_WORDS) {
            if (lower.equals(word) || lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Decision declared(RawTable table, RawTable.Column column, ColumnSpec listed) {
        String name = column.name();
        return switch (listed.role()) {
            case ID -> throw new DataFileException(table.source() + ": the spec makes both '" + name
                    + "' and another column the id");
            case NUMERIC -> new Decision(name, ColumnRole.NUMERIC_FEATURE, "the spec", listed.numeric(), null, null);
            case CATEGORICAL -> new Decision(name, ColumnRole.CATEGORICAL_FEATURE, "the spec", null, listed.categorical(), null);
            case DATE -> new Decision(name, ColumnRole.DATE_FEATURE, "the spec: dates " + listed.dateFormat(),
                    listed.numeric(), null, listed.dateFormat());
            case GROUP -> Decision.of(name, ColumnRole.GROUP, "the spec: a group attribute, not a feature");
            case IGNORE -> Decision.of(name, ColumnRole.IGNORED, "the spec");
        };
    }

    private static Decision infer(RawTable table, RawTable.Column column, FeatureSpec spec, boolean hasId) {
        String name = column.name();
        int rows = table.rows();
        long missing = 0;
        long numbers = 0;
        boolean integers = true;
        double maxAbs = 0;
        Set<String> distinct = new HashSet<>();
        int firstText = -1;
        for (int i = 0; i < rows; i++) {
            if (column.isMissing(i)) {
                missing++;
                continue;
            }
            double v = column.number(i);
            if (!Double.isNaN(v)) {
                numbers++;
                integers &= v == Math.rint(v);
                maxAbs = Math.max(maxAbs, Math.abs(v));
            } else if (firstText < 0) {
                firstText = i;
            }
            if (distinct.size() <= rows) {
                distinct.add(Field.normalise(column.cell(i)));
            }
        }
        long present = rows - missing;
        if (present == 0) {
            return Decision.of(name, ColumnRole.IGNORED, "no values");
        }
        if (looksLikeGroup(name)) {
            return Decision.of(name, ColumnRole.GROUP, "named like a group attribute (bank, branch, country, city, ...): "
                    + "kept for reporting, never a feature");
        }
        if (looksPersonal(name)) {
            return Decision.of(name, ColumnRole.IGNORED, "personal data (name, contact, identity or card number, address, "
                    + "birth date): never a feature");
        }
        if (looksLikeId(name)) {
            return Decision.of(name, ColumnRole.IGNORED, hasId ? "named like an identifier; another column is the id"
                    : "named like an identifier");
        }
        if (spec.dropConstant() && distinct.size() == 1) {
            return Decision.of(name, ColumnRole.IGNORED, "constant (\"" + column.cell(firstPresent(column, rows)).strip()
                    + "\" in every row): dropped, it carries no information");
        }
        if (numbers >= NUMERIC_SHARE * present) {
            if (numbers < present) {
                throw new DataFileException(String.format(Locale.ROOT,
                        "%s: row %d (line %d), column '%s': \"%s\" is not a number (%d of %d values in this column are; "
                                + "fix the cell, leave it empty to mark it missing, or declare the column in a feature spec)",
                        table.source(), firstText + 1, table.lines()[firstText], name, column.cell(firstText), numbers, present));
            }
            if (integers && maxAbs >= 1e8 && distinct.size() >= 0.95 * present) {
                return Decision.of(name, ColumnRole.IGNORED, "identifier-like: unique whole numbers of 9 or more digits");
            }
            return new Decision(name, ColumnRole.NUMERIC_FEATURE, "numbers", spec.defaults(), null, null);
        }
        String format = dateFormat(column, rows);
        if (format != null) {
            return new Decision(name, ColumnRole.DATE_FEATURE, "dates (" + format + "), read as day numbers",
                    spec.defaults(), null, format);
        }
        if (distinct.size() <= MAX_INFERRED_LEVELS && distinct.size() <= Math.max(2, present / 2)) {
            return new Decision(name, ColumnRole.CATEGORICAL_FEATURE, "text with " + distinct.size() + " distinct values",
                    null, CategoricalOptions.INFERRED, null);
        }
        return Decision.of(name, ColumnRole.IGNORED, "free text or identifiers (" + distinct.size()
                + " distinct values)");
    }

    private static int firstPresent(RawTable.Column column, int rows) {
        for (int i = 0; i < rows; i++) {
            if (!column.isMissing(i)) {
                return i;
            }
        }
        return 0;
    }

    /** The first known date format that reads at least 90% of the present cells (checked on up to 200). */
    static String dateFormat(RawTable.Column column, int rows) {
        if (column.text() == null) {
            return null;
        }
        for (String format : DATE_FORMATS) {
            int tried = 0;
            int parsed = 0;
            for (int i = 0; i < rows && tried < 200; i++) {
                if (column.isMissing(i)) {
                    continue;
                }
                tried++;
                try {
                    Field.parseDate(column.text()[i].strip(), format);
                    parsed++;
                } catch (DateTimeParseException e) {
                    // not this format
                }
            }
            if (tried > 0 && parsed >= NUMERIC_SHARE * tried) {
                return format;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- fitting

    private static final class Fitter {
        private final RawTable table;
        private final FeatureSpec spec;
        private final List<Decision> decisions;
        private final int idIndex;
        private final Projector projector;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, List<String>> notes = new LinkedHashMap<>();

        Fitter(RawTable table, FeatureSpec spec, List<Decision> decisions, int idIndex, Projector projector) {
            this.table = table;
            this.spec = spec;
            this.decisions = decisions;
            this.idIndex = idIndex;
            this.projector = projector;
        }

        PreparedTable fit() {
            int[] kept = keptRows();
            List<String> ids = ids(kept);
            List<Decision> features = decisions.stream().filter(d -> d.role() == ColumnRole.NUMERIC_FEATURE
                    || d.role() == ColumnRole.CATEGORICAL_FEATURE || d.role() == ColumnRole.DATE_FEATURE).toList();
            if (features.isEmpty()) {
                throw new DataFileException(table.source() + ": no feature column among " + table.header()
                        + "; a numeric feature needs numbers in at least 90% of its cells (or declare columns in a spec)");
            }
            List<Field> fields = new ArrayList<>();
            List<NumericOptions> options = new ArrayList<>();
            for (Decision d : features) {
                fields.add(field(d, kept));
                options.add(d.numeric() != null ? d.numeric() : d.categorical() != null && d.categorical().ordinal()
                        ? spec.defaults() : null);
            }
            List<String> groupColumns = decisions.stream().filter(d -> d.role() == ColumnRole.GROUP).map(Decision::name).toList();
            FeatureSchema schema = new FeatureSchema(idIndex >= 0 ? table.columns().get(idIndex).name() : null, fields,
                    groupColumns);
            int n = kept.length;
            int w0 = fields.size();
            double[] raw = new double[n * w0];
            for (int f = 0; f < w0; f++) {
                encodeColumn(fields.get(f), table.column(fields.get(f).name()), kept, raw, f, w0);
            }
            DataMatrix rawMatrix = DataMatrix.wrap(n, w0, raw);
            CustomerProfiles profiles = new CustomerProfiles(schema, ids, rawMatrix);

            List<FittedStep> steps = new ArrayList<>();
            DataMatrix current = rawMatrix;
            List<String> names = new ArrayList<>(schema.features());
            // 1. plausible ranges
            double[] lower = new double[w0];
            double[] upper = new double[w0];
            boolean anyRange = false;
            for (int f = 0; f < w0; f++) {
                NumericOptions o = options.get(f);
                lower[f] = o == null || o.validMin() == null ? Double.NEGATIVE_INFINITY : o.validMin();
                upper[f] = o == null || o.validMax() == null ? Double.POSITIVE_INFINITY : o.validMax();
                anyRange |= o != null && (o.validMin() != null || o.validMax() != null);
            }
            if (anyRange) {
                ValidRange range = new ValidRange(lower, upper);
                for (int f = 0; f < w0; f++) {
                    long rejected = 0;
                    for (int i = 0; i < n; i++) {
                        rejected += range.rejects(f, current.get(i, f)) ? 1 : 0;
                    }
                    if (rejected > 0) {
                        note(names.get(f), rejected + " value(s) outside [" + bound(lower[f]) + ", " + bound(upper[f])
                                + "] read as missing");
                    }
                }
                current = push(steps, range, current);
            }
            // 2. derived features
            List<NumericOptions> allOptions = new ArrayList<>(options);
            List<Boolean> categoricalOneHot = new ArrayList<>(fields.stream().map(Field::oneHot).toList());
            if (!spec.derived().isEmpty()) {
                List<DerivedColumns.Derived> derived = new ArrayList<>();
                for (FeatureSpec.DerivedSpec d : spec.derived()) {
                    if (names.contains(d.name())) {
                        throw new DataFileException(table.source() + ": derived feature '" + d.name()
                                + "' has the name of a column");
                    }
                    derived.add(new DerivedColumns.Derived(d.name(), d.formula(), d.onZero()));
                    allOptions.add(d.numeric());
                    categoricalOneHot.add(false);
                }
                DerivedColumns step;
                try {
                    step = new DerivedColumns(names, derived);
                } catch (IllegalArgumentException e) {
                    throw new DataFileException(table.source() + ": " + e.getMessage(), e);
                }
                current = push(steps, step, current);
                names.addAll(step.names());
            }
            int w1 = names.size();
            // 3. imputation
            double[] fill = new double[w1];
            long[] missingCount = new long[w1];
            for (int f = 0; f < w1; f++) {
                double[] column = current.column(f);
                for (double v : column) {
                    missingCount[f] += Double.isNaN(v) ? 1 : 0;
                }
                NumericOptions o = allOptions.get(f);
                if (o == null) {
                    fill[f] = 0; // one-hot codes are never missing
                    continue;
                }
                fill[f] = switch (o.impute()) {
                    case MEDIAN -> Imputation.median(column);
                    case MEAN -> Imputation.mean(column);
                    case CONSTANT -> o.constant();
                };
                if (Double.isNaN(fill[f])) {
                    throw new DataFileException(table.source() + ": column '" + names.get(f)
                            + "' has no values to impute from");
                }
                if (missingCount[f] > 0) {
                    note(names.get(f), missingCount[f] + " missing, filled with the " + o.impute().name().toLowerCase(Locale.ROOT)
                            + " " + format(fill[f]));
                }
            }
            current = push(steps, new Imputation(fill), current);
            // 4. outliers
            double[] clipLow = new double[w1];
            double[] clipHigh = new double[w1];
            boolean anyClip = false;
            for (int f = 0; f < w1; f++) {
                clipLow[f] = Double.NEGATIVE_INFINITY;
                clipHigh[f] = Double.POSITIVE_INFINITY;
                NumericOptions o = allOptions.get(f);
                if (o == null || o.outliers() == FeatureSpec.Outliers.NONE) {
                    continue;
                }
                double[] sorted = current.column(f);
                Arrays.sort(sorted);
                if (o.outliers() == FeatureSpec.Outliers.WINSORIZE) {
                    clipLow[f] = quantile(sorted, o.lowerQuantile());
                    clipHigh[f] = quantile(sorted, o.upperQuantile());
                } else {
                    double q1 = quantile(sorted, 0.25);
                    double q3 = quantile(sorted, 0.75);
                    clipLow[f] = q1 - o.iqrFactor() * (q3 - q1);
                    clipHigh[f] = q3 + o.iqrFactor() * (q3 - q1);
                }
                double low = clipLow[f];
                double high = clipHigh[f];
                long clipped = Arrays.stream(sorted).filter(v -> v < low || v > high).count();
                note(names.get(f), String.format(Locale.ROOT, "%s: %d value(s) clipped to [%s, %s]",
                        o.outliers() == FeatureSpec.Outliers.WINSORIZE ? "winsorised" : "IQR fences", clipped,
                        format(clipLow[f]), format(clipHigh[f])));
                anyClip = true;
            }
            if (anyClip) {
                current = push(steps, new Clipping(clipLow, clipHigh), current);
            }
            // 5. log transforms
            boolean[] log = new boolean[w1];
            boolean anyLog = false;
            for (int f = 0; f < w1; f++) {
                NumericOptions o = allOptions.get(f);
                if (o != null && o.transform() == FeatureSpec.Transform.NONE && (f >= fields.size()
                        || fields.get(f).kind() == Field.Kind.NUMBER)) {
                    double[] column = current.column(f);
                    double skew = skewness(column);
                    if (skew > 2 * SKEWED && Arrays.stream(column).min().orElse(0) >= 0) {
                        note(names.get(f), String.format(Locale.ROOT, "right-skewed (skewness %.1f): consider transform: log1p", skew));
                    }
                }
                if (o == null || o.transform() == FeatureSpec.Transform.NONE || fields.size() > f
                        && fields.get(f).kind() != Field.Kind.NUMBER && o.transform() == FeatureSpec.Transform.AUTO) {
                    continue;
                }
                if (o.transform() == FeatureSpec.Transform.LOG1P) {
                    log[f] = true;
                    note(names.get(f), "log1p");
                } else {
                    double[] column = current.column(f);
                    double min = Arrays.stream(column).min().orElse(0);
                    double skew = skewness(column);
                    if (min >= 0 && skew > SKEWED) {
                        log[f] = true;
                        note(names.get(f), String.format(Locale.ROOT, "log1p (auto: skewness %.1f, no negative values)", skew));
                    }
                }
                anyLog |= log[f];
            }
            if (anyLog) {
                current = push(steps, new Log1p(log), current);
            }
            // 6. one-hot
            List<String> outNames = new ArrayList<>();
            List<NumericOptions> outOptions = new ArrayList<>();
            int[] buckets = new int[w1];
            boolean anyOneHot = false;
            for (int f = 0; f < w1; f++) {
                if (categoricalOneHot.get(f)) {
                    Field field = fields.get(f);
                    buckets[f] = field.levels().size() + 1;
                    for (String level : field.levels()) {
                        outNames.add(field.name() + "=" + level);
                        outOptions.add(null);
                    }
                    outNames.add(field.name() + "=" + Field.OTHER);
                    outOptions.add(null);
                    anyOneHot = true;
                } else {
                    outNames.add(names.get(f));
                    outOptions.add(allOptions.get(f));
                }
            }
            if (anyOneHot) {
                current = push(steps, new OneHotEncoding(buckets), current);
            }
            // 7. scaling
            Standardisation standard = Standardisation.fit(current);
            double[] centre = standard.means();
            double[] scale = standard.scales();
            for (int c = 0; c < outNames.size(); c++) {
                NumericOptions o = outOptions.get(c);
                FeatureSpec.Scale how = o == null ? FeatureSpec.Scale.NONE : o.scale();
                double[] column = current.column(c);
                switch (how) {
                    case STANDARD -> {
                    }
                    case NONE -> {
                        centre[c] = 0;
                        scale[c] = 1;
                    }
                    case ROBUST -> {
                        Arrays.sort(column);
                        centre[c] = quantile(column, 0.5);
                        double iqr = quantile(column, 0.75) - quantile(column, 0.25);
                        scale[c] = iqr > 0 ? iqr : 1;
                    }
                    case MINMAX -> {
                        double min = Arrays.stream(column).min().orElse(0);
                        double max = Arrays.stream(column).max().orElse(0);
                        centre[c] = min;
                        scale[c] = max > min ? max - min : 1;
                    }
                }
            }
            current = push(steps, new Standardisation(centre, scale), current);
            // 8. principal components
            if (spec.pca() != null) {
                if (projector == null) {
                    throw new DataFileException("PCA needs the linear algebra plugin (segments-algorithms) on the class path");
                }
                PrincipalComponents all = projector.fit(current);
                PrincipalComponents kept2 = spec.pca().components() != null
                        ? all.keep(Math.min(spec.pca().components(), all.outputWidth()))
                        : all.keepExplaining(spec.pca().variance());
                warnings.add(String.format(Locale.ROOT, "PCA keeps %d of %d components, explaining %.1f%% of the variance",
                        kept2.outputWidth(), all.outputWidth(), 100 * kept2.explainedTotal()));
                current = push(steps, kept2, current);
            }
            Map<String, String[]> groups = new LinkedHashMap<>();
            for (String group : groupColumns) {
                RawTable.Column column = table.column(group);
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = column.isMissing(kept[i]) ? "" : column.cell(kept[i]).strip();
                }
                groups.put(group, values);
            }
            return new PreparedTable(profiles, new FittedPreprocessing(steps), current, report(n), table.fingerprint(), groups);
        }

        private static DataMatrix push(List<FittedStep> steps, FittedStep step, DataMatrix current) {
            steps.add(step);
            return FittedPreprocessing.apply(List.of(step), current);
        }

        private void note(String column, String text) {
            notes.computeIfAbsent(column, c -> new ArrayList<>()).add(text);
        }

        /** Rows kept: all, except later rows repeating an id (counted). */
        private int[] keptRows() {
            int rows = table.rows();
            if (idIndex < 0) {
                return java.util.stream.IntStream.range(0, rows).toArray();
            }
            RawTable.Column id = table.columns().get(idIndex);
            Set<String> seen = new HashSet<>();
            int[] kept = new int[rows];
            int count = 0;
            long duplicates = 0;
            for (int i = 0; i < rows; i++) {
                String value = id.cell(i).strip();
                if (!value.isEmpty() && !seen.add(value)) {
                    duplicates++;
                    continue;
                }
                kept[count++] = i;
            }
            if (duplicates > 0) {
                warnings.add(duplicates + " row(s) dropped: their id in '" + id.name()
                        + "' repeats an earlier row (the first one is kept)");
            }
            return Arrays.copyOf(kept, count);
        }

        private List<String> ids(int[] kept) {
            List<String> ids = new ArrayList<>(kept.length);
            if (idIndex < 0) {
                for (int i : kept) {
                    ids.add("row-" + (i + 1));
                }
                warnings.add(table.source() + " has no id column; customers are named by row number (row-1, row-2, ...)");
                return ids;
            }
            RawTable.Column id = table.columns().get(idIndex);
            long blank = 0;
            for (int i : kept) {
                String value = id.cell(i).strip();
                if (value.isEmpty()) {
                    blank++;
                    value = "row-" + (i + 1);
                }
                ids.add(value);
            }
            if (blank > 0) {
                warnings.add(blank + " row(s) have no id in '" + id.name() + "'; they are named by row number");
            }
            return ids;
        }

        private Field field(Decision d, int[] kept) {
            return switch (d.role()) {
                case NUMERIC_FEATURE -> Field.number(d.name());
                case DATE_FEATURE -> Field.date(d.name(), d.dateFormat());
                case CATEGORICAL_FEATURE -> categorical(d, kept);
                default -> throw new IllegalStateException(d.role().name());
            };
        }

        /** Levels: the ordinal order, or the most frequent values (top N), after the spec's value map. */
        private Field categorical(Decision d, int[] kept) {
            CategoricalOptions o = d.categorical();
            Map<String, String> aliases = new HashMap<>();
            for (Map.Entry<String, String> e : o.map().entrySet()) {
                String target = Field.normalise(e.getValue());
                aliases.put(Field.normalise(e.getKey()), target.equals("unknown") ? "" : target);
            }
            if (o.ordinal()) {
                return Field.category(d.name(), o.order(), aliases, true);
            }
            RawTable.Column column = table.column(d.name());
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, String> display = new HashMap<>();
            for (int i : kept) {
                if (column.isMissing(i)) {
                    continue;
                }
                String key = Field.normalise(column.cell(i));
                key = aliases.getOrDefault(key, key);
                if (key.isEmpty()) {
                    continue;
                }
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                display.putIfAbsent(key, column.cell(i).strip());
            }
            // a value mapped to a level that never occurs as itself is shown as the map wrote it
            for (Map.Entry<String, String> e : o.map().entrySet()) {
                String target = Field.normalise(e.getValue());
                if (!target.equals("unknown")) {
                    display.putIfAbsent(target, e.getValue().strip());
                }
            }
            List<String> byCount = counts.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .map(Map.Entry::getKey).toList();
            if (byCount.isEmpty()) {
                throw new DataFileException(table.source() + ": categorical column '" + d.name() + "' has no values");
            }
            List<String> levels = byCount.subList(0, Math.min(o.top(), byCount.size())).stream().map(display::get).toList();
            if (byCount.size() > o.top()) {
                long grouped = byCount.subList(o.top(), byCount.size()).stream().mapToLong(k -> counts.get(k)[0]).sum();
                note(d.name(), (byCount.size() - o.top()) + " rarer level(s) (" + grouped + " rows) grouped as " + Field.OTHER);
            }
            return Field.category(d.name(), levels, aliases, false);
        }

        private void encodeColumn(Field field, RawTable.Column column, int[] kept, double[] out, int f, int width) {
            long unknown = 0;
            for (int r = 0; r < kept.length; r++) {
                int i = kept[r];
                double value;
                if (column.numbers() != null) {
                    value = column.numbers()[i];
                } else {
                    String cell = column.text()[i];
                    if (field.kind() == Field.Kind.NUMBER && !Cells.isMissing(cell)) {
                        value = Cells.parseNumber(cell);
                        if (Double.isNaN(value)) {
                            throw new DataFileException(String.format(Locale.ROOT,
                                    "%s: row %d (line %d), column '%s': \"%s\" is not a number",
                                    table.source(), i + 1, table.lines()[i], field.name(), cell));
                        }
                    } else {
                        try {
                            value = field.encode(Cells.isMissing(cell) ? null : cell);
                        } catch (FieldValidationException e) {
                            throw new DataFileException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': %s",
                                    table.source(), i + 1, table.lines()[i], field.name(), e.getMessage()));
                        }
                    }
                }
                if (field.kind() == Field.Kind.CATEGORY && (field.ordinal() ? Double.isNaN(value) : value == field.levels().size())) {
                    unknown++;
                }
                out[r * width + f] = value;
            }
            if (unknown > 0) {
                note(field.name(), unknown + " value(s) missing, unknown or rare: "
                        + (field.ordinal() ? "imputed" : "in the " + Field.OTHER + " bucket"));
            }
        }

        private InferenceReport report(int rows) {
            List<InferenceReport.Column> columns = new ArrayList<>();
            for (Decision d : decisions) {
                RawTable.Column column = table.column(d.name());
                long missing = 0;
                for (int i = 0; i < table.rows(); i++) {
                    missing += column.isMissing(i) ? 1 : 0;
                }
                String reason = d.reason();
                List<String> more = notes.get(d.name());
                if (more != null) {
                    reason += "; " + String.join("; ", more);
                }
                if (d.role() == ColumnRole.CATEGORICAL_FEATURE) {
                    reason += "; " + (d.categorical().ordinal() ? "ordinal " + d.categorical().order() : "one-hot");
                }
                columns.add(new InferenceReport.Column(d.name(), d.role(), reason, missing));
            }
            for (FeatureSpec.DerivedSpec d : spec.derived()) {
                List<String> more = notes.get(d.name());
                columns.add(new InferenceReport.Column(d.name(), ColumnRole.NUMERIC_FEATURE, "derived: " + d.formula()
                        + (more == null ? "" : "; " + String.join("; ", more)), 0));
            }
            return new InferenceReport(table.source(), rows, columns, warnings);
        }
    }

    private static String bound(double v) {
        return Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : format(v);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double skewness(double[] values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    }
}
