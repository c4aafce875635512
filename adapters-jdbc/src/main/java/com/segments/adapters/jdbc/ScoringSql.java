package com.segments.adapters.jdbc;

import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.HdbscanRule;
import com.segments.domain.cluster.NearestExemplarRule;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.Expression;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.score.NotExpressibleException;
import com.segments.domain.score.ScoringDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A trained model written as one SQL statement: a chain of common table expressions, one per fitted step, each
 * selecting the customer's vector {@code v0 .. vN} from the one before, then the squared distances to every centre,
 * the nearest, and the answer {@code id, segment, distance, confidence, outlier, version}.
 *
 * <p>Every number is written as the text of the Java double cast to a double ({@code CAST('0.1' AS DOUBLE
 * PRECISION)}), which each engine reads back to the same bits; a bare {@code 0.1} would be an exact decimal in
 * PostgreSQL and DuckDB and change the arithmetic. Each operation is the one the Java step does, in the same order
 * (the distance keeps the four partial sums of {@link com.segments.domain.cluster.CentroidDistances#squared}), so
 * the only difference left is {@code ln(1 + x)} where Java has {@code log1p(x)} (Spark has {@code log1p}): a few
 * units in the last place of a log-transformed value. A missing value is SQL {@code NULL} where Java has {@code NaN}.
 */
final class ScoringSql {

    /** Statements longer than this are refused: a formula with nested divisions doubles its text at each level. */
    static final int MAX_LENGTH = 4_000_000;

    /** How a categorical value is spelled missing, after trimming and lower-casing ({@code NumberText.isMissing}). */
    private static final List<String> MISSING = List.of("", "-", "na", "n/a", "nan", "null", "none");

    private final ScoringDialect dialect;

    ScoringSql(ScoringDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param table    the table, already quoted
     * @param idColumn the id column's name as the table has it (quoted here)
     * @param columnOf the table's name of a model field (quoted here)
     * @param filter   a condition on the table's rows (for chunks), or {@code null}
     * @param scoredAt an expression for a {@code scored_at} column, or {@code null} for none
     */
    String select(TrainedModel model, int version, String table, String idColumn, UnaryOperator<String> columnOf,
                  String filter, String scoredAt) {
        NearestCentroidRule rule = centroidRule(model.rule());
        List<String> layers = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (Field field : model.schema().fields()) {
            first.add(read(field, quote(columnOf.apply(field.name()))));
        }
        layers.add(layer(first, quote(idColumn) + " AS id", table + (filter == null ? "" : " WHERE " + filter)));
        List<String> current = columns(first.size());
        for (FittedStep step : model.preprocessing().steps()) {
            List<String> next = step(step, current);
            layers.add(layer(next, "id", "segments_step" + (layers.size() - 1)));
            current = columns(next.size());
        }
        StringBuilder sql = new StringBuilder("WITH\n");
        for (int i = 0; i < layers.size(); i++) {
            sql.append("segments_step").append(i).append(" AS (").append(layers.get(i)).append("),\n");
        }
        sql.append("segments_distances AS (").append(distances(rule, current, layers.size() - 1)).append("),\n");
        sql.append("segments_nearest AS (SELECT id, ").append(names("d", rule.segmentCount())).append(", ")
                .append(least(names("d", rule.segmentCount()), rule.segmentCount())).append(" AS best FROM segments_distances").append(fence()).append("),\n");
        sql.append("segments_assigned AS (SELECT id, best, ").append(segment(rule.segmentCount())).append(" AS segment, ")
                .append(second(rule.segmentCount())).append(" AS second_best FROM segments_nearest").append(fence()).append(")\n");
        sql.append("SELECT id, segment, SQRT(best) AS distance, ").append(confidence(rule.segmentCount()))
                .append(" AS confidence, ").append(outlier(rule)).append(" AS outlier, ").append(version).append(" AS version");
        if (scoredAt != null) {
            sql.append(", ").append(scoredAt).append(" AS scored_at");
        }
        sql.append("\nFROM segments_assigned");
        if (sql.length() > MAX_LENGTH) {
            throw new NotExpressibleException("the statement would be " + sql.length() + " characters long (at most "
                    + MAX_LENGTH + "): a derived formula nests too many divisions; split it into several derived features");
        }
        return sql.toString();
    }

    /** The rule as centres, or the reason another rule has no SQL form. */
    static NearestCentroidRule centroidRule(AssignmentRule rule) {
        return switch (rule) {
            case NearestCentroidRule centroids -> centroids;
            case NearestExemplarRule ignored -> throw new NotExpressibleException("the model assigns by nearest exemplar "
                    + "with a reach per exemplar (HDBSCAN): its noise and exemplar tables are not written as SQL; "
                    + "score it with 'segments score'");
            case HdbscanRule ignored -> throw new NotExpressibleException("the model assigns by HDBSCAN's approximate "
                    + "prediction (nearest training rows by mutual reachability, then a walk up the condensed tree): that "
                    + "needs the training rows and the tree beside every customer, which a SQL statement does not carry; "
                    + "score it with 'segments score'");
            case NearestNeighbourRule ignored -> throw new NotExpressibleException("the model assigns by its nearest "
                    + "stored training rows (a linkage or density algorithm without centres): that needs the training "
                    + "rows beside every customer, which a SQL statement does not carry; score it with 'segments score'");
        };
    }

    // ------------------------------------------------------------------------------------------ reading the table

    private String read(Field field, String column) {
        return switch (field.kind()) {
            case NUMBER -> "NULLIF(CAST(" + column + " AS " + doubleType() + "), " + literal(Double.NaN) + ")";
            case DATE -> "CAST(" + dayNumber("CAST(" + column + " AS DATE)") + " AS " + doubleType() + ")";
            case CATEGORY -> category(field, column);
        };
    }

    private String dayNumber(String date) {
        return switch (dialect) {
            case POSTGRESQL -> "(" + date + " - DATE '1970-01-01')";
            case H2 -> "DATEDIFF(DAY, DATE '1970-01-01', " + date + ")";
            case SPARK -> "DATEDIFF(" + date + ", DATE '1970-01-01')";
            case DUCKDB -> "DATE_DIFF('day', DATE '1970-01-01', " + date + ")";
        };
    }

    /** {@link Field#code}: missing spellings first, then aliases (which win over a level's own name), then levels. */
    private String category(Field field, String column) {
        String unknown = field.ordinal() ? "NULL" : literal(field.levels().size());
        String text = "CAST(" + column + " AS " + (dialect == ScoringDialect.SPARK ? "STRING" : "VARCHAR") + ")";
        String normalised = "LOWER(TRIM(REGEXP_REPLACE(" + text + ", " + string("\\s+") + ", ' '"
                + (dialect == ScoringDialect.POSTGRESQL || dialect == ScoringDialect.DUCKDB ? ", 'g'" : "") + ")))";
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(normalised).append(" IN (");
        for (int i = 0; i < MISSING.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(string(MISSING.get(i)));
        }
        sql.append(") THEN ").append(unknown);
        List<String> keys = new ArrayList<>(field.aliases().keySet());
        keys.sort(null);
        for (String key : keys) {
            sql.append(" WHEN ").append(normalised).append(" = ").append(string(key)).append(" THEN ")
                    .append(codeOf(field, field.aliases().get(key), unknown));
        }
        for (int i = 0; i < field.levels().size(); i++) {
            sql.append(" WHEN ").append(normalised).append(" = ").append(string(Field.normalise(field.levels().get(i))))
                    .append(" THEN ").append(literal(i));
        }
        return sql.append(" ELSE ").append(unknown).append(" END").toString();
    }

    private String codeOf(Field field, String level, String unknown) {
        double code = field.code(level.isEmpty() ? null : level);
        return Double.isNaN(code) || code == field.levels().size() ? unknown : literal(code);
    }

    // ------------------------------------------------------------------------------------------ the fitted steps

    private List<String> step(FittedStep step, List<String> x) {
        return switch (step) {
            case ValidRange range -> validRange(range, x);
            case DerivedColumns derived -> derived(derived, x);
            case Imputation imputation -> imputation(imputation, x);
            case Clipping clipping -> clipping(clipping, x);
            case Log1p log -> log1p(log, x);
            case OneHotEncoding oneHot -> oneHot(oneHot, x);
            case Standardisation scaling -> standardisation(scaling, x);
            case PrincipalComponents pca -> principalComponents(pca, x);
        };
    }

    private List<String> validRange(ValidRange range, List<String> x) {
        double[] lower = range.lower();
        double[] upper = range.upper();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            List<String> outside = new ArrayList<>();
            if (lower[j] != Double.NEGATIVE_INFINITY) {
                outside.add(x.get(j) + " < " + literal(lower[j]));
            }
            if (upper[j] != Double.POSITIVE_INFINITY) {
                outside.add(x.get(j) + " > " + literal(upper[j]));
            }
            out.add(outside.isEmpty() ? x.get(j)
                    : "CASE WHEN " + String.join(" OR ", outside) + " THEN NULL ELSE " + x.get(j) + " END");
        }
        return out;
    }

    private List<String> imputation(Imputation imputation, List<String> x) {
        double[] fill = imputation.values();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            out.add("COALESCE(" + x.get(j) + ", " + literal(fill[j]) + ")");
        }
        return out;
    }

    private List<String> clipping(Clipping clipping, List<String> x) {
        double[] lower = clipping.lower();
        double[] upper = clipping.upper();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            StringBuilder when = new StringBuilder();
            if (lower[j] != Double.NEGATIVE_INFINITY) {
                when.append(" WHEN ").append(x.get(j)).append(" < ").append(literal(lower[j])).append(" THEN ").append(literal(lower[j]));
            }
            if (upper[j] != Double.POSITIVE_INFINITY) {
                when.append(" WHEN ").append(x.get(j)).append(" > ").append(literal(upper[j])).append(" THEN ").append(literal(upper[j]));
            }
            out.add(when.isEmpty() ? x.get(j) : "CASE" + when + " ELSE " + x.get(j) + " END");
        }
        return out;
    }

    /** {@code log1p(x)} for x >= 0 and {@code -log1p(-x)} below: {@code ln(1 + x)} where the engine has no log1p. */
    private List<String> log1p(Log1p log, List<String> x) {
        boolean[] columns = log.columns();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            String v = x.get(j);
            out.add(!columns[j] ? v : dialect == ScoringDialect.SPARK
                    ? "CASE WHEN " + v + " >= 0 THEN LOG1P(" + v + ") ELSE -LOG1P(-" + v + ") END"
                    : "CASE WHEN " + v + " >= 0 THEN LN(1 + " + v + ") ELSE -LN(1 - " + v + ") END");
        }
        return out;
    }

    /** Bucket {@code b} is 1 when {@code (int) x}, held within 0 .. buckets - 1, is b; a missing code is the last. */
    private List<String> oneHot(OneHotEncoding oneHot, List<String> x) {
        int[] buckets = oneHot.buckets();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            String v = x.get(j);
            if (buckets[j] == 0) {
                out.add(v);
                continue;
            }
            int last = buckets[j] - 1;
            for (int b = 0; b <= last; b++) {
                String in = b == 0 ? v + " < 1"
                        : b == last ? v + " IS NULL OR " + v + " >= " + last
                        : v + " >= " + b + " AND " + v + " < " + (b + 1);
                out.add("CASE WHEN " + in + " THEN " + literal(1.0) + " ELSE " + literal(0.0) + " END");
            }
        }
        return out;
    }

    private List<String> standardisation(Standardisation scaling, List<String> x) {
        double[] centre = scaling.means();
        double[] scale = scaling.scales();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            // (x - 0) / 1 is x to the bit, and one-hot columns are left this way
            out.add(centre[j] == 0 && scale[j] == 1 && Double.doubleToRawLongBits(centre[j]) == 0 ? x.get(j)
                    : "(" + x.get(j) + " - " + literal(centre[j]) + ") / " + literal(scale[j]));
        }
        return out;
    }

    /** Each component's sum runs over the inputs from the first, as the Java loop adds them. */
    private List<String> principalComponents(PrincipalComponents pca, List<String> x) {
        double[] mean = pca.mean();
        double[] loadings = pca.components();
        int d = mean.length;
        List<String> out = new ArrayList<>();
        for (int p = 0; p < pca.outputWidth(); p++) {
            StringBuilder sum = new StringBuilder();
            for (int j = 0; j < d; j++) {
                sum.append(j == 0 ? "" : " + ").append("(").append(x.get(j)).append(" - ").append(literal(mean[j]))
                        .append(") * ").append(literal(loadings[p * d + j]));
            }
            out.add(sum.toString());
        }
        return out;
    }

    private List<String> derived(DerivedColumns derived, List<String> x) {
        List<String> out = new ArrayList<>(x);
        List<String> columns = derived.columns();
        for (DerivedColumns.Derived d : derived.derived()) {
            Expression formula;
            try {
                formula = Expression.parse(d.formula(), columns);
            } catch (IllegalArgumentException e) {
                throw new NotExpressibleException("derived '" + d.name() + "': " + e.getMessage());
            }
            out.add(expression(formula, x, d.onZero()));
        }
        return out;
    }

    /**
     * A formula over the raw columns. Every kind of {@link Expression} is listed, so one added to the grammar (a
     * function) does not compile here until it is written as SQL or refused.
     */
    private String expression(Expression e, List<String> x, double onZero) {
        return switch (e) {
            case Expression.Column column -> x.get(column.index());
            case Expression.Constant constant -> literal(constant.value());
            case Expression.Negate negate -> "(-(" + expression(negate.operand(), x, onZero) + "))";
            case Expression.Binary binary -> {
                String a = expression(binary.left(), x, onZero);
                String b = expression(binary.right(), x, onZero);
                yield binary.operator() == '/'
                        ? "(CASE WHEN " + b + " = 0 THEN CASE WHEN " + a + " IS NULL THEN NULL ELSE " + literal(onZero)
                        + " END ELSE " + a + " / " + b + " END)"
                        : "(" + a + " " + binary.operator() + " " + b + ")";
            }
        };
    }

    // ------------------------------------------------------------------------------------------ the rule

    /** Squared distances with the four partial sums of {@code CentroidDistances.squared}, added in its order. */
    private String distances(NearestCentroidRule rule, List<String> x, int lastLayer) {
        int d = rule.dimensions();
        StringBuilder sql = new StringBuilder("SELECT id");
        for (int c = 0; c < rule.segmentCount(); c++) {
            double[] centre = rule.centroid(c);
            List<List<String>> partial = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int j = 0;
            for (; j + 3 < d; j += 4) {
                for (int s = 0; s < 4; s++) {
                    partial.get(s).add(square(x.get(j + s), centre[j + s]));
                }
            }
            for (; j < d; j++) {
                partial.getFirst().add(square(x.get(j), centre[j]));
            }
            List<String> sums = new ArrayList<>();
            for (List<String> terms : partial) {
                sums.add(terms.isEmpty() ? literal(0.0) : "(" + String.join(" + ", terms) + ")");
            }
            sql.append(",\n  (").append(sums.get(0)).append(" + ").append(sums.get(1)).append(") + (")
                    .append(sums.get(2)).append(" + ").append(sums.get(3)).append(") AS d").append(c);
        }
        return sql.append("\n  FROM segments_step").append(lastLayer).append(fence()).toString();
    }

    private String square(String v, double centre) {
        String diff = "(" + v + " - " + literal(centre) + ")";
        return diff + " * " + diff;
    }

    /** The first segment at the smallest distance: ties go to the lower id, as in Java. */
    private static String segment(int k) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int c = 0; c < k; c++) {
            sql.append(" WHEN d").append(c).append(" = best THEN ").append(c);
        }
        return sql.append(" END").toString();
    }

    /** The smallest squared distance to any other segment than the nearest one. */
    private String second(int k) {
        if (k == 1) {
            return "CAST(NULL AS " + doubleType() + ")";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int c = 0; c < k; c++) {
            List<String> others = new ArrayList<>();
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    others.add("d" + o);
                }
            }
            sql.append(" WHEN d").append(c).append(" = best THEN ").append(least(String.join(", ", others), k - 1));
        }
        return sql.append(" END").toString();
    }

    private String confidence(int k) {
        return k == 1 ? literal(1.0)
                : "CASE WHEN SQRT(second_best) = 0 THEN " + literal(0.0) + " ELSE " + literal(1.0)
                + " - SQRT(best) / SQRT(second_best) END";
    }

    private String outlier(NearestCentroidRule rule) {
        double[] radius = rule.outlierRadius();
        StringBuilder sql = new StringBuilder("CASE segment");
        for (int c = 0; c < radius.length; c++) {
            sql.append(" WHEN ").append(c).append(" THEN SQRT(best) > ").append(literal(radius[c]));
        }
        return sql.append(" END").toString();
    }

    private static String least(String values, int count) {
        return count == 1 ? values : "LEAST(" + values + ")";
    }

    private static String names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return String.join(", ", names);
    }

    private static List<String> columns(int width) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("v" + j);
        }
        return names;
    }

    private String layer(List<String> values, String id, String from) {
        StringBuilder sql = new StringBuilder("SELECT ").append(id);
        for (int j = 0; j < values.size(); j++) {
            sql.append(",\n  ").append(values.get(j)).append(" AS v").append(j);
        }
        return sql.append("\n  FROM ").append(from).append(fence()).toString();
    }

    /**
     * Keeps a layer's values computed once per row. PostgreSQL pulls a simple subquery up into the one above it,
     * pasting each expression wherever its column is named; a step names its inputs several times (a clip three,
     * a squared difference twice), so the pasted statement would grow as the product of those counts, layer after
     * layer, and its planning would not end. {@code OFFSET 0} is the documented way to keep a subquery apart.
     */
    private String fence() {
        return dialect == ScoringDialect.POSTGRESQL ? " OFFSET 0" : "";
    }

    // ------------------------------------------------------------------------------------------ spelling

    private String doubleType() {
        return dialect == ScoringDialect.SPARK || dialect == ScoringDialect.DUCKDB ? "DOUBLE" : "DOUBLE PRECISION";
    }

    /** A double as text the engine reads back to the same bits (Java's shortest round-trip form). */
    String literal(double value) {
        String text = Double.isNaN(value) ? "NaN" : Double.isInfinite(value) ? (value > 0 ? "Infinity" : "-Infinity")
                : Double.toString(value);
        return "CAST('" + text + "' AS " + doubleType() + ")";
    }

    /**
     * A string literal. Spark SQL reads a backslash as an escape and two quotes as two adjacent literals, so there a
     * backslash and a quote are escaped with a backslash; the others take the standard doubled quote.
     */
    private String string(String text) {
        return dialect == ScoringDialect.SPARK ? "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
                : "'" + text.replace("'", "''") + "'";
    }

    /**
     * An identifier quoted for the dialect, so that any name is read as a name and never as SQL.
     *
     * @throws NotExpressibleException for an empty name or one holding control characters
     */
    String quote(String name) {
        Identifiers.check(name);
        char q = dialect == ScoringDialect.SPARK ? '`' : '"';
        return q + name.replace(String.valueOf(q), String.valueOf(q) + q) + q;
    }

    /** A table name, {@code table} or {@code schema.table}, quoted part by part. */
    String quoteTable(String table) {
        return String.join(".", Identifiers.tableParts(table).stream().map(this::quote).toList());
    }
}
