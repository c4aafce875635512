package com.segments.application.features;

import com.segments.application.features.ColumnInference.Decision;
import com.segments.domain.feature.FeatureSpec.CategoricalOptions;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FitNotes;
import com.segments.domain.table.CategoryColumn;
import com.segments.domain.table.DataSourceException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The levels a categorical field keeps, and the codes of a column's cells under them. */
final class CategoryLevels {

    private CategoryLevels() {
    }

    /**
     * The field: the ordinal order, or the most frequent values among the kept rows (top N) after the spec's value
     * map, each shown as first written. Rarer levels are noted as grouped into the other bucket.
     */
    static Field field(String source, Decision d, CategoryColumn column, int[] kept, FitNotes notes) {
        CategoricalOptions o = d.categorical();
        Map<String, String> aliases = aliases(o);
        if (o.ordinal()) {
            return Field.category(d.name(), o.order(), aliases, true);
        }
        Map<String, String> display = new HashMap<>();
        Map<String, long[]> counts = counts(column, kept, aliases, display);
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
            throw new DataSourceException(source + ": categorical column '" + d.name() + "' has no values");
        }
        List<String> levels = new ArrayList<>(byCount.subList(0, Math.min(o.top(), byCount.size())).stream()
                .map(display::get).toList());
        if (byCount.size() > o.top()) {
            long grouped = byCount.subList(o.top(), byCount.size()).stream().mapToLong(k -> counts.get(k)[0]).sum();
            notes.note(d.name(), (byCount.size() - o.top()) + " rarer level(s) (" + grouped + " rows) grouped as "
                    + Field.OTHER);
        }
        return Field.category(d.name(), levels, aliases, false);
    }

    /** The spec's value map, normalised; a value mapped to {@code unknown} maps to the empty level. */
    private static Map<String, String> aliases(CategoricalOptions o) {
        Map<String, String> aliases = new HashMap<>();
        for (Map.Entry<String, String> e : o.map().entrySet()) {
            String target = Field.normalise(e.getValue());
            aliases.put(Field.normalise(e.getKey()), target.equals("unknown") ? "" : target);
        }
        return aliases;
    }

    /** Kept rows per normalised level, in order of first appearance; each level's first spelling into display. */
    private static Map<String, long[]> counts(CategoryColumn column, int[] kept, Map<String, String> aliases,
                                              Map<String, String> display) {
        long[] perEntry = new long[column.dictionary().size()];
        for (int row : kept) {
            int code = column.codes()[row];
            if (code >= 0) {
                perEntry[code]++;
            }
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int c = 0; c < perEntry.length; c++) {
            String value = column.dictionary().get(c);
            if (perEntry[c] == 0 || Field.isMissingText(value)) {
                continue;
            }
            String key = Field.normalise(value);
            key = aliases.getOrDefault(key, key);
            if (!key.isEmpty()) {
                counts.computeIfAbsent(key, k -> new long[1])[0] += perEntry[c];
                display.putIfAbsent(key, value.strip());
            }
        }
        return counts;
    }

    /** Each row's raw number under the field: the dictionary is looked up once per distinct value. */
    static double[] codes(Field field, CategoryColumn column) {
        double[] byEntry = new double[column.dictionary().size()];
        for (int c = 0; c < byEntry.length; c++) {
            byEntry[c] = field.code(column.dictionary().get(c));
        }
        double missing = field.code(null);
        int[] codes = column.codes();
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? missing : byEntry[codes[i]];
        }
        return out;
    }
}
