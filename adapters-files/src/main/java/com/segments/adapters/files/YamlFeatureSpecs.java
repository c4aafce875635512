package com.segments.adapters.files;

import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpec.CategoricalOptions;
import com.segments.domain.feature.FeatureSpec.ColumnSpec;
import com.segments.domain.feature.FeatureSpec.DerivedSpec;
import com.segments.domain.feature.FeatureSpec.Impute;
import com.segments.domain.feature.FeatureSpec.NumericOptions;
import com.segments.domain.feature.FeatureSpec.Outliers;
import com.segments.domain.feature.FeatureSpec.PcaSpec;
import com.segments.domain.feature.FeatureSpec.Role;
import com.segments.domain.feature.FeatureSpec.Scale;
import com.segments.domain.feature.FeatureSpec.Transform;
import com.segments.domain.feature.FeatureSpecs;
import com.segments.domain.feature.LogLayout;
import com.segments.domain.table.DataSourceException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads feature specs from YAML (see {@code examples/} and the README): every key is checked, so a typo is an error
 * naming it, not a silent default.
 */
public final class YamlFeatureSpecs implements FeatureSpecs {

    /** Reads a spec file. @throws DataSourceException naming the file and the offending key */
    @Override
    public FeatureSpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataSourceException(file + ": no such feature spec");
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new DataSourceException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new DataSourceException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        try {
            return parse(document == null ? Map.of() : map(document, "the document"));
        } catch (SpecError e) {
            throw new DataSourceException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** A spec given as parsed YAML (maps, lists, scalars). */
    static FeatureSpec parse(Map<String, Object> root) {
        allow(root, "the spec", Set.of("id", "delimiter", "infer", "defaults", "columns", "derived", "pca", "drop_constant",
                "transactions"));
        String id = root.containsKey("id") ? text(root.get("id"), "id") : null;
        Character delimiter = null;
        if (root.containsKey("delimiter")) {
            String d = text(root.get("delimiter"), "delimiter");
            delimiter = switch (d) {
                case "tab", "\\t", "\t" -> '\t';
                default -> {
                    if (d.length() != 1) {
                        throw new SpecError("delimiter must be one character or 'tab', got \"" + d + "\"");
                    }
                    yield d.charAt(0);
                }
            };
        }
        boolean infer = !root.containsKey("infer") || bool(root.get("infer"), "infer");
        NumericOptions defaults = root.containsKey("defaults")
                ? numeric(map(root.get("defaults"), "defaults"), "defaults", NumericOptions.INFERRED, Set.of())
                : NumericOptions.INFERRED;
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        if (root.containsKey("columns")) {
            for (Map.Entry<String, Object> e : map(root.get("columns"), "columns").entrySet()) {
                columns.put(e.getKey(), column(e.getKey(), e.getValue(), defaults));
            }
        }
        if (id != null) {
            ColumnSpec listed = columns.get(id);
            if (listed != null && listed.role() != Role.ID) {
                throw new SpecError("column '" + id + "' is the id but columns." + id + ".role says " + lower(listed.role()));
            }
            columns.put(id, new ColumnSpec(Role.ID, null, null, null));
        }
        List<DerivedSpec> derived = new ArrayList<>();
        if (root.containsKey("derived")) {
            Object list = root.get("derived");
            if (!(list instanceof List<?> items)) {
                throw new SpecError("derived must be a list of {name, formula}");
            }
            for (int i = 0; i < items.size(); i++) {
                String where = "derived[" + i + "]";
                Map<String, Object> item = map(items.get(i), where);
                String name = text(require(item, "name", where), where + ".name");
                String formula = text(require(item, "formula", where), where + ".formula");
                double onZero = item.containsKey("on_zero") ? number(item.get("on_zero"), where + ".on_zero") : 0.0;
                derived.add(new DerivedSpec(name, formula, onZero,
                        numeric(item, where, defaults, Set.of("name", "formula", "on_zero"))));
            }
        }
        PcaSpec pca = null;
        if (root.containsKey("pca")) {
            Map<String, Object> p = map(root.get("pca"), "pca");
            allow(p, "pca", Set.of("variance", "components"));
            if (p.containsKey("variance") == p.containsKey("components")) {
                throw new SpecError("pca needs exactly one of variance (e.g. 0.9) or components (e.g. 5)");
            }
            Double variance = p.containsKey("variance") ? number(p.get("variance"), "pca.variance") : null;
            Integer components = p.containsKey("components") ? (int) number(p.get("components"), "pca.components") : null;
            if (variance != null && !(variance > 0 && variance <= 1)) {
                throw new SpecError("pca.variance must be in (0, 1], got " + variance);
            }
            if (components != null && components < 1) {
                throw new SpecError("pca.components must be at least 1, got " + components);
            }
            pca = new PcaSpec(variance, components);
        }
        boolean dropConstant = !root.containsKey("drop_constant") || bool(root.get("drop_constant"), "drop_constant");
        return new FeatureSpec(id, delimiter, infer, defaults, columns, derived, pca, dropConstant, layout(root));
    }

    /** {@code transactions: {customer: C, date: D, amount: A, date_format: F}}: a log's columns, each optional. */
    private static LogLayout layout(Map<String, Object> root) {
        if (!root.containsKey("transactions")) {
            return LogLayout.FIND;
        }
        Map<String, Object> m = map(root.get("transactions"), "transactions");
        allow(m, "transactions", Set.of("customer", "date", "amount", "date_format"));
        String format = m.containsKey("date_format") ? text(m.get("date_format"), "transactions.date_format") : null;
        if (format != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(format, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new SpecError("transactions.date_format \"" + format + "\" is not a date pattern: " + e.getMessage());
            }
        }
        return new LogLayout(optionalText(m, "customer"), optionalText(m, "date"), optionalText(m, "amount"), format);
    }

    private static String optionalText(Map<String, Object> m, String key) {
        return m.containsKey(key) ? text(m.get(key), "transactions." + key) : null;
    }

    private static final Set<String> NUMERIC_KEYS = Set.of("impute", "valid", "outliers", "quantiles", "iqr_factor",
            "transform", "scale");
    private static final Set<String> CATEGORICAL_KEYS = Set.of("encoding", "order", "top", "map");

    private static ColumnSpec column(String name, Object value, NumericOptions defaults) {
        String where = "columns." + name;
        if (value instanceof String role) {
            return new ColumnSpec(role(role, where), null, null, null);
        }
        Map<String, Object> m = map(value, where);
        Role role = role(text(require(m, "role", where), where + ".role"), where);
        return switch (role) {
            case NUMERIC -> new ColumnSpec(role, numeric(m, where, defaults, Set.of("role")), null, null);
            case CATEGORICAL -> {
                allow(m, where, union(CATEGORICAL_KEYS, Set.of("role")));
                String encoding = m.containsKey("encoding") ? text(m.get("encoding"), where + ".encoding") : "one_hot";
                if (!encoding.equals("one_hot") && !encoding.equals("ordinal")) {
                    throw new SpecError(where + ".encoding must be one_hot or ordinal, got \"" + encoding + "\"");
                }
                boolean ordinal = encoding.equals("ordinal");
                List<String> order = m.containsKey("order") ? strings(m.get("order"), where + ".order") : List.of();
                if (ordinal && order.isEmpty()) {
                    throw new SpecError(where + ": an ordinal column needs its levels in order, e.g. order: [Low, Medium, High]");
                }
                int top = m.containsKey("top") ? (int) number(m.get("top"), where + ".top") : 10;
                if (top < 1) {
                    throw new SpecError(where + ".top must be at least 1, got " + top);
                }
                Map<String, String> aliases = new LinkedHashMap<>();
                if (m.containsKey("map")) {
                    for (Map.Entry<String, Object> e : map(m.get("map"), where + ".map").entrySet()) {
                        aliases.put(e.getKey(), text(e.getValue(), where + ".map." + e.getKey()));
                    }
                }
                yield new ColumnSpec(role, null, new CategoricalOptions(ordinal, order, top, aliases), null);
            }
            case DATE -> {
                allow(m, where, union(NUMERIC_KEYS, Set.of("role", "format")));
                String format = text(require(m, "format", where), where + ".format");
                try {
                    java.time.format.DateTimeFormatter.ofPattern(format, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new SpecError(where + ".format \"" + format + "\" is not a date pattern: " + e.getMessage());
                }
                yield new ColumnSpec(role, numeric(m, where, defaults, Set.of("role", "format")), null, format);
            }
            default -> {
                allow(m, where, Set.of("role"));
                yield new ColumnSpec(role, null, null, null);
            }
        };
    }

    private static NumericOptions numeric(Map<String, Object> m, String where, NumericOptions defaults, Set<String> others) {
        allow(m, where, union(NUMERIC_KEYS, others));
        Impute impute = defaults.impute();
        double constant = defaults.constant();
        if (m.containsKey("impute")) {
            Object v = m.get("impute");
            if (v instanceof Number n) {
                impute = Impute.CONSTANT;
                constant = n.doubleValue();
            } else {
                impute = enumValue(Impute.class, text(v, where + ".impute"), where + ".impute", "median, mean or a number");
            }
        }
        Double validMin = defaults.validMin();
        Double validMax = defaults.validMax();
        if (m.containsKey("valid")) {
            List<?> range = list(m.get("valid"), where + ".valid", 2);
            validMin = range.get(0) == null ? null : number(range.get(0), where + ".valid[0]");
            validMax = range.get(1) == null ? null : number(range.get(1), where + ".valid[1]");
            if (validMin != null && validMax != null && validMin > validMax) {
                throw new SpecError(where + ".valid: the lower bound " + validMin + " is above the upper " + validMax);
            }
        }
        Outliers outliers = m.containsKey("outliers")
                ? enumValue(Outliers.class, text(m.get("outliers"), where + ".outliers"), where + ".outliers", "none, winsorize or iqr")
                : defaults.outliers();
        double lowerQ = defaults.lowerQuantile();
        double upperQ = defaults.upperQuantile();
        if (m.containsKey("quantiles")) {
            List<?> q = list(m.get("quantiles"), where + ".quantiles", 2);
            lowerQ = number(q.get(0), where + ".quantiles[0]");
            upperQ = number(q.get(1), where + ".quantiles[1]");
            if (!(0 <= lowerQ && lowerQ < upperQ && upperQ <= 1)) {
                throw new SpecError(where + ".quantiles must be 0 <= lower < upper <= 1, got [" + lowerQ + ", " + upperQ + "]");
            }
        }
        double iqrFactor = m.containsKey("iqr_factor") ? number(m.get("iqr_factor"), where + ".iqr_factor") : defaults.iqrFactor();
        if (!(iqrFactor > 0)) {
            throw new SpecError(where + ".iqr_factor must be positive, got " + iqrFactor);
        }
        Transform transform = m.containsKey("transform")
                ? enumValue(Transform.class, text(m.get("transform"), where + ".transform"), where + ".transform", "log1p, none or auto")
                : defaults.transform();
        Scale scale = m.containsKey("scale")
                ? enumValue(Scale.class, text(m.get("scale").toString().replace("-", ""), where + ".scale"), where + ".scale",
                "standard, robust, minmax or none")
                : defaults.scale();
        return new NumericOptions(impute, constant, validMin, validMax, outliers, lowerQ, upperQ, iqrFactor, transform, scale);
    }

    private static Role role(String text, String where) {
        return enumValue(Role.class, text, where + ".role", "id, numeric, categorical, date, group, weight or ignore");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String where, String expected) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace("WINSORISE", "WINSORIZE").replace("MIN_MAX", "MINMAX")
                .replace("IGNORED", "IGNORE");
        try {
            return Enum.valueOf(type, key);
        } catch (IllegalArgumentException e) {
            throw new SpecError(where + " must be " + expected + ", got \"" + text + "\"");
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static void allow(Map<String, Object> m, String where, Set<String> keys) {
        for (String key : m.keySet()) {
            if (!keys.contains(key)) {
                throw new SpecError(where + ": unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(keys) + ")");
            }
        }
    }

    private static Object require(Map<String, Object> m, String key, String where) {
        if (!m.containsKey(key) || m.get(key) == null) {
            throw new SpecError(where + " needs '" + key + "'");
        }
        return m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new SpecError(where + " must be a mapping (key: value), got " + describe(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private static List<?> list(Object value, String where, int size) {
        if (!(value instanceof List<?> l) || l.size() != size) {
            throw new SpecError(where + " must be a list of " + size + " values, got " + describe(value));
        }
        return l;
    }

    private static List<String> strings(Object value, String where) {
        if (!(value instanceof List<?> l)) {
            throw new SpecError(where + " must be a list, got " + describe(value));
        }
        return l.stream().map(v -> text(v, where)).toList();
    }

    private static String text(Object value, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new SpecError(where + " must be a text value, got " + describe(value));
    }

    private static double number(Object value, String where) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new SpecError(where + " must be a number, got " + describe(value));
    }

    private static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new SpecError(where + " must be true or false, got " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof String s ? "\"" + s + "\"" : value.toString();
    }

    /** A spec that does not say what it must; the message names the key. */
    static final class SpecError extends RuntimeException {
        SpecError(String message) {
            super(message);
        }
    }
}
