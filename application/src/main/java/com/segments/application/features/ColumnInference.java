package com.segments.application.features;

import com.segments.domain.feature.DateFormats;
import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpec.CategoricalOptions;
import com.segments.domain.feature.FeatureSpec.ColumnSpec;
import com.segments.domain.feature.FeatureSpec.NumericOptions;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.NumberText;
import com.segments.domain.table.CategoryColumn;
import com.segments.domain.table.ColumnNames;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.table.TableSample;
import com.segments.domain.table.TextColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what each column of a customer table is: what the spec declares, else what names and content say, always
 * with the reason. In two steps, so a file is read once and never held as text: {@link #plan} decides from the
 * header and the first rows how each column is read (numbers, a date format, text with few values, an id, or not
 * at all); {@link #decide} then settles each role on the whole typed column (constant, free text, identifier-like).
 */
public final class ColumnInference {

    /** Share of a column's present cells that must be numbers (or dates) for it to count as numeric (or a date). */
    static final double NUMERIC_SHARE = 0.9;
    /** A text column with at most this many distinct values is inferred categorical. */
    static final int MAX_INFERRED_LEVELS = 30;
    /** Distinct values an undeclared text column may show while it is read before it counts as free text. */
    static final int TEXT_LEVELS_READ = 1000;
    /** Distinct values a declared categorical or group column may have. */
    static final int DECLARED_LEVELS = 100_000;
    /** Rows of a table looked at to decide how each column is read. */
    public static final int SAMPLE_ROWS = 10_000;

    private ColumnInference() {
    }

    /** One column's role and options, and why. */
    public record Decision(String name, ColumnRole role, String reason, NumericOptions numeric,
                           CategoricalOptions categorical, String dateFormat) {
        static Decision of(String name, ColumnRole role, String reason) {
            return new Decision(name, role, reason, null, null, null);
        }

        boolean feature() {
            return role == ColumnRole.NUMERIC_FEATURE || role == ColumnRole.CATEGORICAL_FEATURE
                    || role == ColumnRole.DATE_FEATURE;
        }
    }

    /**
     * How each column is read, and which is the id.
     *
     * @param idColumn the id column, or null (rows are then numbered)
     * @param idReason why it is the id
     */
    public record Plan(List<ColumnRead> reads, String idColumn, String idReason) {
        public Plan {
            reads = List.copyOf(reads);
        }
    }

    // ---------------------------------------------------------------- planning the read, from the first rows

    /** @throws DataSourceException for a spec naming a missing column, or a numeric column with text in its first rows */
    public static Plan plan(TableSample sample, FeatureSpec spec) {
        checkSpecColumns(sample.source(), sample.header(), spec);
        int id = chooseId(sample, spec);
        String idReason = id < 0 ? null : spec.declaredId() != null ? "the spec's id"
                : ColumnNames.looksLikeId(sample.header().get(id)) ? "named like an id" : "first column, unique text values";
        List<ColumnRead> reads = new ArrayList<>();
        for (int j = 0; j < sample.header().size(); j++) {
            String name = sample.header().get(j);
            ColumnSpec listed = spec.columns().get(name);
            reads.add(j == id ? ColumnRead.text(name)
                    : listed != null ? declaredRead(name, listed)
                    : spec.inferOthers() ? inferredRead(sample, j) : ColumnRead.skip(name));
        }
        return new Plan(reads, id < 0 ? null : sample.header().get(id), idReason);
    }

    static void checkSpecColumns(String source, List<String> header, FeatureSpec spec) {
        for (String listed : spec.columns().keySet()) {
            if (!header.contains(listed)) {
                throw new DataSourceException(source + ": the feature spec names column '" + listed
                        + "', which is not in the header " + header);
            }
        }
        long ids = spec.columns().values().stream().filter(c -> c.role() == FeatureSpec.Role.ID).count();
        if (ids > 1) {
            throw new DataSourceException(source + ": the spec makes more than one column the id");
        }
        if (spec.columns().values().stream().filter(c -> c.role() == FeatureSpec.Role.WEIGHT).count() > 1) {
            throw new DataSourceException(source + ": the spec makes more than one column the sample weight");
        }
    }

    private static int chooseId(TableSample sample, FeatureSpec spec) {
        List<String> header = sample.header();
        if (spec.declaredId() != null) {
            return header.indexOf(spec.declaredId());
        }
        if (!spec.inferOthers()) {
            return -1;
        }
        for (int j = 0; j < header.size(); j++) {
            if (ColumnNames.looksLikeId(header.get(j)) && !spec.columns().containsKey(header.get(j))) {
                return j;
            }
        }
        if (spec.columns().containsKey(header.getFirst()) || sample.rows().isEmpty()) {
            return -1;
        }
        Set<String> seen = new HashSet<>();
        long numbers = 0;
        for (String[] row : sample.rows()) {
            String cell = row[0];
            if (Field.isMissingText(cell) || !seen.add(cell.strip())) {
                return -1;
            }
            numbers += Double.isNaN(NumberText.parse(cell)) ? 0 : 1;
        }
        return numbers < NUMERIC_SHARE * sample.rows().size() ? 0 : -1;
    }

    private static ColumnRead declaredRead(String name, ColumnSpec listed) {
        return switch (listed.role()) {
            case NUMERIC, WEIGHT -> ColumnRead.field(Field.number(name), "(the spec declares it numeric)");
            case DATE -> ColumnRead.field(Field.date(name, listed.dateFormat()), "(the spec's date format)");
            case CATEGORICAL, GROUP -> ColumnRead.category(name, DECLARED_LEVELS);
            case IGNORE -> ColumnRead.skip(name);
            case ID -> ColumnRead.text(name);
        };
    }

    private static ColumnRead inferredRead(TableSample sample, int j) {
        String name = sample.header().get(j);
        if (ColumnNames.looksLikeGroup(name)) {
            return ColumnRead.category(name, DECLARED_LEVELS);
        }
        if (ColumnNames.looksPersonal(name) || ColumnNames.looksLikeId(name)) {
            return ColumnRead.skip(name);
        }
        long present = 0;
        long numbers = 0;
        int firstText = -1;
        List<String> cells = new ArrayList<>(sample.rows().size());
        for (int i = 0; i < sample.rows().size(); i++) {
            String cell = sample.cell(i, j);
            cells.add(cell);
            if (Field.isMissingText(cell)) {
                continue;
            }
            present++;
            if (!Double.isNaN(NumberText.parse(cell))) {
                numbers++;
            } else if (firstText < 0) {
                firstText = i;
            }
        }
        if (present > 0 && numbers >= NUMERIC_SHARE * present) {
            if (numbers < present) {
                throw new DataSourceException(String.format(Locale.ROOT,
                        "%s: row %d (line %d), column '%s': \"%s\" is not a number (%d of the first %d values in this "
                                + "column are; fix the cell, leave it empty to mark it missing, or declare the column "
                                + "in a feature spec)", sample.source(), firstText + 1, sample.lines()[firstText], name,
                        sample.cell(firstText, j), numbers, present));
            }
            return ColumnRead.field(Field.number(name), "(its first " + present + " values are numbers; fix the cell, "
                    + "leave it empty to mark it missing, or declare the column in a feature spec)");
        }
        String format = present > 0 ? DateFormats.detect(cells) : null;
        if (format != null) {
            return ColumnRead.field(Field.date(name, format), "(its first values are dates written as " + format
                    + "; declare the column in a feature spec to read it otherwise)");
        }
        return ColumnRead.category(name, TEXT_LEVELS_READ);
    }

    // ---------------------------------------------------------------- deciding, on the whole columns

    /**
     * The plan for a table that is already typed (profiles aggregated from transactions): text is the id (the
     * spec's, else one named like an id), categories are group attributes or categories, numbers are numbers.
     */
    public static Plan planTyped(Table table, FeatureSpec spec) {
        checkSpecColumns(table.source(), table.header(), spec);
        String id = spec.declaredId();
        if (id == null && spec.inferOthers()) {
            id = table.header().stream().filter(ColumnNames::looksLikeId)
                    .filter(name -> table.column(name) instanceof TextColumn).findFirst().orElse(null);
        }
        List<ColumnRead> reads = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            reads.add(switch (column) {
                case TextColumn text -> ColumnRead.text(text.name());
                case CategoryColumn category -> ColumnRead.category(category.name(), DECLARED_LEVELS);
                case NumberColumn numbers -> ColumnRead.field(Field.number(numbers.name()));
            });
        }
        return new Plan(reads, id, id == null ? null : spec.declaredId() != null ? "the spec's id" : "named like an id");
    }

    /** Every column's final role, with the reason, in table order (columns not read are reported as ignored). */
    public static List<Decision> decide(Table table, Plan plan, FeatureSpec spec) {
        List<Decision> decisions = new ArrayList<>();
        for (ColumnRead read : plan.reads()) {
            String name = read.name();
            if (name.equals(plan.idColumn())) {
                decisions.add(Decision.of(name, ColumnRole.ID, plan.idReason()));
                continue;
            }
            ColumnSpec listed = spec.columns().get(name);
            TableColumn column = table.column(name);
            decisions.add(listed != null ? declared(table.source(), name, listed, column)
                    : !spec.inferOthers() ? Decision.of(name, ColumnRole.IGNORED, "not in the spec (infer: false)")
                    : inferred(name, column, read, spec, plan.idColumn() != null));
        }
        return decisions;
    }

    private static Decision declared(String source, String name, ColumnSpec listed, TableColumn column) {
        return switch (listed.role()) {
            case ID -> throw new DataSourceException(source + ": the spec makes both '" + name
                    + "' and another column the id");
            case NUMERIC -> new Decision(name, ColumnRole.NUMERIC_FEATURE, "the spec", listed.numeric(), null, null);
            case WEIGHT -> Decision.of(name, ColumnRole.WEIGHT, "the spec: each customer's sample weight, not a feature");
            case CATEGORICAL -> {
                if (column instanceof CategoryColumn category && category.overflowed()) {
                    throw new DataSourceException(source + ": categorical column '" + name + "' has more than "
                            + DECLARED_LEVELS + " distinct values; declare it as something else");
                }
                yield new Decision(name, ColumnRole.CATEGORICAL_FEATURE, "the spec", null, listed.categorical(), null);
            }
            case DATE -> new Decision(name, ColumnRole.DATE_FEATURE, "the spec: dates " + listed.dateFormat(),
                    listed.numeric(), null, listed.dateFormat());
            case GROUP -> Decision.of(name, ColumnRole.GROUP, "the spec: a group attribute, not a feature");
            case IGNORE -> Decision.of(name, ColumnRole.IGNORED, "the spec");
        };
    }

    private static Decision inferred(String name, TableColumn column, ColumnRead read, FeatureSpec spec,
                                     boolean hasId) {
        if (column != null && present(column) == 0) {
            return Decision.of(name, ColumnRole.IGNORED, "no values");
        }
        if (ColumnNames.looksLikeGroup(name)) {
            return Decision.of(name, ColumnRole.GROUP, "named like a group attribute (bank, branch, country, city, ...): "
                    + "kept for reporting, never a feature");
        }
        if (ColumnNames.looksPersonal(name)) {
            return Decision.of(name, ColumnRole.IGNORED, "personal data (name, contact, identity or card number, "
                    + "address, birth date): never a feature");
        }
        if (ColumnNames.looksLikeId(name)) {
            return Decision.of(name, ColumnRole.IGNORED, hasId ? "named like an identifier; another column is the id"
                    : "named like an identifier");
        }
        return switch (column) {
            case NumberColumn numbers -> read.field() != null && read.field().kind() == Field.Kind.DATE
                    ? date(name, read.field().dateFormat(), numbers, spec) : numeric(name, numbers, spec);
            case CategoryColumn category -> textual(name, category, spec);
            case TextColumn text -> Decision.of(name, ColumnRole.IGNORED, "text");
            case null -> Decision.of(name, ColumnRole.IGNORED, "not read");
        };
    }

    private static Decision numeric(String name, NumberColumn column, FeatureSpec spec) {
        double[] v = column.values();
        double first = Double.NaN;
        boolean constant = true;
        boolean integers = true;
        double maxAbs = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = x;
            }
            constant &= x == first;
            integers &= x == Math.rint(x);
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        if (spec.dropConstant() && constant) {
            return constantColumn(name, NumberColumn.format(first));
        }
        if (integers && maxAbs >= 1e8 && distinctShare(v) >= 0.95) {
            return Decision.of(name, ColumnRole.IGNORED, "identifier-like: unique whole numbers of 9 or more digits");
        }
        return new Decision(name, ColumnRole.NUMERIC_FEATURE, "numbers", spec.defaults(), null, null);
    }

    private static Decision date(String name, String format, NumberColumn column, FeatureSpec spec) {
        double[] v = com.segments.domain.feature.Quantiles.present(column.values());
        if (spec.dropConstant() && java.util.Arrays.stream(v).distinct().count() == 1) {
            return constantColumn(name, java.time.LocalDate.ofEpochDay((long) v[0]).toString());
        }
        return new Decision(name, ColumnRole.DATE_FEATURE, "dates (" + format + "), read as day numbers",
                spec.defaults(), null, format);
    }

    private static Decision textual(String name, CategoryColumn column, FeatureSpec spec) {
        if (column.overflowed()) {
            return Decision.of(name, ColumnRole.IGNORED, "free text or identifiers (more than " + TEXT_LEVELS_READ
                    + " distinct values)");
        }
        Set<String> distinct = new HashSet<>();
        for (String value : column.dictionary()) {
            if (!Field.isMissingText(value)) {
                distinct.add(Field.normalise(value));
            }
        }
        long present = present(column);
        if (spec.dropConstant() && distinct.size() == 1) {
            return constantColumn(name, firstPresent(column));
        }
        if (distinct.size() <= MAX_INFERRED_LEVELS && distinct.size() <= Math.max(2, present / 2)) {
            return new Decision(name, ColumnRole.CATEGORICAL_FEATURE, "text with " + distinct.size() + " distinct values",
                    null, CategoricalOptions.INFERRED, null);
        }
        return Decision.of(name, ColumnRole.IGNORED, "free text or identifiers (" + distinct.size() + " distinct values)");
    }

    private static Decision constantColumn(String name, String value) {
        return Decision.of(name, ColumnRole.IGNORED, "constant (\"" + value + "\" in every row): dropped, it carries no "
                + "information");
    }

    private static String firstPresent(CategoryColumn column) {
        for (String value : column.dictionary()) {
            if (!Field.isMissingText(value)) {
                return value;
            }
        }
        return "";
    }

    /** Cells that hold a value: not NaN, not blank, not a missing spelling. */
    static long present(TableColumn column) {
        return switch (column) {
            case NumberColumn numbers -> {
                long count = 0;
                for (double x : numbers.values()) {
                    count += Double.isNaN(x) ? 0 : 1;
                }
                yield count;
            }
            case CategoryColumn category -> {
                if (category.overflowed()) {
                    yield category.rows();
                }
                boolean[] missing = new boolean[category.dictionary().size()];
                for (int c = 0; c < missing.length; c++) {
                    missing[c] = Field.isMissingText(category.dictionary().get(c));
                }
                long count = 0;
                for (int code : category.codes()) {
                    count += code >= 0 && !missing[code] ? 1 : 0;
                }
                yield count;
            }
            case TextColumn text -> {
                long count = 0;
                for (int i = 0; i < text.size(); i++) {
                    count += text.isMissing(i) ? 0 : 1;
                }
                yield count;
            }
        };
    }

    private static double distinctShare(double[] values) {
        double[] present = com.segments.domain.feature.Quantiles.present(values);
        if (present.length == 0) {
            return 0;
        }
        java.util.Arrays.sort(present);
        long distinct = 1;
        for (int i = 1; i < present.length; i++) {
            distinct += present[i] != present[i - 1] ? 1 : 0;
        }
        return (double) distinct / present.length;
    }

}
