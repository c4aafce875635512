package com.segments.application.features;

import com.segments.application.features.ColumnInference.Decision;
import com.segments.domain.SegmentsException;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpec.NumericOptions;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FitNotes;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Projector;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.CategoryColumn;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.table.TextColumn;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders the fitted steps of a feature pipeline as the spec and the decisions ask: plausible ranges, derived
 * features, imputation, outlier handling, log transforms, one-hot encoding, scaling, principal components. Each
 * step fits itself (see the domain's {@code feature} package); this class only feeds each step what the one before
 * wrote, on one working copy of the data, and collects what every step says it did.
 */
public final class PipelineFitter {

    private Table table;
    private final String source;
    private final DataFingerprint fingerprint;
    private final FeatureSpec spec;
    private final List<Decision> decisions;
    private final String idColumn;
    private final Projector projector;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    private final boolean keepFirstPerId;

    private PipelineFitter(Table table, FeatureSpec spec, List<Decision> decisions, String idColumn, Projector projector,
                           boolean keepFirstPerId) {
        this.keepFirstPerId = keepFirstPerId;
        this.table = table;
        this.source = table.source();
        this.fingerprint = table.fingerprint();
        this.spec = spec;
        this.decisions = decisions;
        this.idColumn = idColumn;
        this.projector = projector;
    }

    /**
     * @param idColumn  the id column, or null to number the rows
     * @param projector the linear algebra behind PCA, or null when none is on the class path
     */
    public static PreparedTable fit(Table table, List<Decision> decisions, String idColumn, FeatureSpec spec,
                                    Projector projector) {
        return fit(table, decisions, idColumn, spec, projector, false);
    }

    /**
     * @param keepFirstPerId keep each id's first row of a table with many rows per id, instead of stopping with the
     *                       advice to read it as a transaction log
     */
    public static PreparedTable fit(Table table, List<Decision> decisions, String idColumn, FeatureSpec spec,
                                    Projector projector, boolean keepFirstPerId) {
        return new PipelineFitter(table, spec, decisions, idColumn, projector, keepFirstPerId).fit();
    }

    /** A table counts as a log when this share of its rows repeats an earlier row's id (and at least 10 do). */
    static final double LOG_REPEATS = 0.2;

    private PreparedTable fit() {
        List<Decision> features = decisions.stream().filter(Decision::feature).toList();
        if (features.isEmpty()) {
            throw new DataSourceException(table.source() + ": no feature column among "
                    + decisions.stream().map(Decision::name).toList()
                    + "; a numeric feature needs numbers in at least 90% of its cells (or declare columns in a spec)");
        }
        int[] kept = keptRows();
        List<Field> fields = features.stream().map(d -> field(d, kept)).toList();
        List<String> groupNames = decisions.stream().filter(d -> d.role() == ColumnRole.GROUP).map(Decision::name).toList();
        FeatureSchema schema = new FeatureSchema(idColumn, fields, groupNames);
        DataMatrix raw = rawMatrix(fields, kept);
        CustomerProfiles profiles = new CustomerProfiles(schema, ids(kept), raw);
        double[] weights = weights(kept);
        List<CategoryColumn> groups = groups(groupNames, kept);
        long[] missing = missingCounts();
        table = null; // the typed columns are in the raw matrix now: let them go before the working copies are made

        Steps steps = new Steps(raw.copy(), new ArrayList<>(schema.features()), options(features));
        DataMatrix original = fitOriginalUnitSteps(steps);
        fitTransformingSteps(steps, fields);
        return new PreparedTable(profiles, new FittedPreprocessing(steps.fitted), steps.current, original,
                weights, report(kept.length, missing), fingerprint, groups);
    }

    /** Each feature's numeric options: declared or the defaults; none for one-hot categories. */
    private List<NumericOptions> options(List<Decision> features) {
        List<NumericOptions> options = new ArrayList<>();
        for (Decision d : features) {
            options.add(d.numeric() != null ? d.numeric()
                    : d.categorical() != null && d.categorical().ordinal() ? spec.defaults() : null);
        }
        return options;
    }

    /** Plausible ranges, derived features and imputation: after them the values are still in original units. */
    private DataMatrix fitOriginalUnitSteps(Steps steps) {
        steps.add(ValidRange.fit(steps.current, steps.names, steps.options, this::note));
        derive(steps);
        try {
            steps.add(Imputation.fit(steps.current, steps.names, steps.options, this::note));
        } catch (SegmentsException e) {
            throw new DataSourceException(source + ": " + e.getMessage(), e);
        }
        return steps.current.copy();
    }

    /** Outlier handling, log transforms, one-hot encoding, scaling and principal components. */
    private void fitTransformingSteps(Steps steps, List<Field> fields) {
        steps.add(Clipping.fit(steps.current, steps.names, steps.options, this::note));
        steps.add(Log1p.fit(steps.current, steps.names, steps.options, numbers(fields, steps.names.size()), this::note));
        OneHotEncoding oneHot = OneHotEncoding.of(fields, steps.names.size() - fields.size());
        if (oneHot != null) {
            List<NumericOptions> expanded = new ArrayList<>();
            for (int j = 0; j < steps.options.size(); j++) {
                int width = oneHot.buckets()[j];
                for (int b = 0; b < Math.max(width, 1); b++) {
                    expanded.add(width == 0 ? steps.options.get(j) : null);
                }
            }
            List<String> names = oneHot.outputNames(steps.names, fields);
            steps.add(oneHot);
            steps.names = names;
            steps.options = expanded;
        }
        steps.add(Standardisation.fit(steps.current, steps.options.stream().map(o -> o == null ? null : o.scale()).toList()));
        principalComponents(steps);
    }

    /** The working copy, the names of its columns and their options, and the steps fitted so far. */
    private static final class Steps {
        DataMatrix current;
        List<String> names;
        List<NumericOptions> options;
        final List<FittedStep> fitted = new ArrayList<>();

        Steps(DataMatrix current, List<String> names, List<NumericOptions> options) {
            this.current = current;
            this.names = names;
            this.options = options;
        }

        /** Applies and keeps a fitted step; a step that would do nothing is {@code null} and skipped. */
        void add(FittedStep step) {
            if (step != null) {
                fitted.add(step);
                current = current.applyInPlace(step);
            }
        }
    }

    private void derive(Steps steps) {
        if (spec.derived().isEmpty()) {
            return;
        }
        List<DerivedColumns.Derived> derived = new ArrayList<>();
        List<NumericOptions> all = new ArrayList<>(steps.options);
        for (FeatureSpec.DerivedSpec d : spec.derived()) {
            if (steps.names.contains(d.name())) {
                throw new DataSourceException(source + ": derived feature '" + d.name() + "' has the name of a column");
            }
            derived.add(new DerivedColumns.Derived(d.name(), d.formula(), d.onZero()));
            all.add(d.numeric());
        }
        DerivedColumns step;
        try {
            step = new DerivedColumns(steps.names, derived);
        } catch (IllegalArgumentException e) {
            throw new DataSourceException(source + ": " + e.getMessage(), e);
        }
        steps.add(step);
        steps.names.addAll(step.names());
        steps.options = all;
    }

    /** Plain numbers: number fields and derived features (dates and ordinal levels are never auto-transformed). */
    private static boolean[] numbers(List<Field> fields, int width) {
        boolean[] numbers = new boolean[width];
        for (int j = 0; j < width; j++) {
            numbers[j] = j >= fields.size() || fields.get(j).kind() == Field.Kind.NUMBER;
        }
        return numbers;
    }

    private void principalComponents(Steps steps) {
        if (spec.pca() == null) {
            return;
        }
        if (projector == null) {
            throw new DataSourceException("PCA needs the linear algebra plugin (segments-algorithms) on the class path");
        }
        PrincipalComponents all = projector.fit(steps.current);
        PrincipalComponents kept = spec.pca().components() != null
                ? all.keep(Math.min(spec.pca().components(), all.outputWidth()))
                : all.keepExplaining(spec.pca().variance());
        warnings.add(String.format(Locale.ROOT, "PCA keeps %d of %d components, explaining %.1f%% of the variance",
                kept.outputWidth(), all.outputWidth(), 100 * kept.explainedTotal()));
        steps.add(kept);
    }

    private void note(String column, String text) {
        notes.computeIfAbsent(column, c -> new ArrayList<>()).add(text);
    }

    // ---------------------------------------------------------------- rows, ids, fields, raw vectors

    /** Rows kept: all, except later rows repeating an id (counted). */
    private int[] keptRows() {
        int rows = table.rows();
        if (idColumn == null) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        boolean[] repeats = ((TextColumn) table.column(idColumn)).repeats();
        int[] kept = new int[rows];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (!repeats[i]) {
                kept[count++] = i;
            }
        }
        int repeated = rows - count;
        if (repeated >= 10 && repeated >= LOG_REPEATS * rows && !keepFirstPerId) {
            throw new DataSourceException(String.format(Locale.ROOT, "%s has %,d rows for %,d ids in '%s' (%.1f rows per "
                    + "id): it looks like a transaction log, one row per transaction, not a customer table. Read it as "
                    + "one with --transactions instead of --data (or add --keep-first-per-id to keep each id's first row)",
                    source, rows, count, idColumn, (double) rows / count));
        }
        if (repeated > 0) {
            warnings.add(repeated + " row(s) dropped: their id in '" + idColumn
                    + "' repeats an earlier row (the first one is kept)");
        }
        return count == rows ? kept : java.util.Arrays.copyOf(kept, count);
    }

    /** Customer ids of the kept rows, made on demand; a row without one is named by its number. */
    private List<String> ids(int[] kept) {
        if (idColumn == null) {
            warnings.add(table.source() + " has no id column; customers are named by row number (row-1, row-2, ...)");
            return new AbstractList<>() {
                @Override
                public String get(int index) {
                    return "row-" + (kept[index] + 1);
                }

                @Override
                public int size() {
                    return kept.length;
                }
            };
        }
        TextColumn id = (TextColumn) table.column(idColumn);
        long blank = java.util.Arrays.stream(kept).filter(id::isMissing).count();
        if (blank > 0) {
            warnings.add(blank + " row(s) have no id in '" + idColumn + "'; they are named by row number");
        }
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                int row = kept[index];
                return id.isMissing(row) ? "row-" + (row + 1) : id.text(row);
            }

            @Override
            public int size() {
                return kept.length;
            }
        };
    }

    private Field field(Decision d, int[] kept) {
        return switch (d.role()) {
            case NUMERIC_FEATURE -> Field.number(d.name());
            case DATE_FEATURE -> Field.date(d.name(), d.dateFormat());
            case CATEGORICAL_FEATURE -> CategoryLevels.field(table.source(), d, categories(d.name()), kept, this::note);
            default -> throw new IllegalStateException(d.role().name());
        };
    }

    private CategoryColumn categories(String name) {
        if (!(table.column(name) instanceof CategoryColumn column)) {
            throw new DataSourceException(table.source() + ": column '" + name + "' holds numbers; it cannot be "
                    + "categorical (declare it numeric)");
        }
        return column;
    }

    private DataMatrix rawMatrix(List<Field> fields, int[] kept) {
        int w = fields.size();
        double[] raw = new double[kept.length * w];
        for (int j = 0; j < w; j++) {
            Field field = fields.get(j);
            double[] values = switch (table.column(field.name())) {
                case NumberColumn numbers when field.kind() != Field.Kind.CATEGORY -> numbers.values();
                case CategoryColumn category when field.kind() == Field.Kind.CATEGORY ->
                        CategoryLevels.codes(field, category);
                case TableColumn other -> throw new DataSourceException(table.source() + ": column '" + field.name()
                        + "' was not read as " + field.kind().name().toLowerCase(Locale.ROOT) + "s");
            };
            long unknown = 0;
            double other = field.levels().size();
            for (int r = 0; r < kept.length; r++) {
                double v = values[kept[r]];
                raw[r * w + j] = v;
                if (field.kind() == Field.Kind.CATEGORY && (field.ordinal() ? Double.isNaN(v) : v == other)) {
                    unknown++;
                }
            }
            if (unknown > 0) {
                note(field.name(), unknown + " value(s) missing, unknown or rare: "
                        + (field.ordinal() ? "imputed" : "in the " + Field.OTHER + " bucket"));
            }
        }
        return DataMatrix.wrap(kept.length, w, raw);
    }

    private double[] weights(int[] kept) {
        String name = spec.weightColumn();
        if (name == null) {
            return null;
        }
        double[] values = ((NumberColumn) table.column(name)).values();
        double[] weights = new double[kept.length];
        long missing = 0;
        for (int r = 0; r < kept.length; r++) {
            double w = values[kept[r]];
            if (Double.isNaN(w)) {
                missing++;
                w = 1;
            }
            if (w < 0) {
                throw new DataSourceException(table.source() + ": row " + (kept[r] + 1) + ", column '" + name
                        + "': a sample weight cannot be negative, got " + NumberColumn.format(w));
            }
            weights[r] = w;
        }
        if (missing > 0) {
            warnings.add(missing + " row(s) have no weight in '" + name + "'; they count once");
        }
        return weights;
    }

    private List<CategoryColumn> groups(List<String> names, int[] kept) {
        List<CategoryColumn> groups = new ArrayList<>();
        for (String name : names) {
            CategoryColumn column = categories(name);
            int[] codes = new int[kept.length];
            for (int r = 0; r < kept.length; r++) {
                codes[r] = column.overflowed() ? -1 : column.codes()[kept[r]];
            }
            groups.add(new CategoryColumn(name, codes, column.dictionary(), kept.length));
        }
        return groups;
    }

    /** Cells missing per decided column (0 for columns not read), before the table is let go. */
    private long[] missingCounts() {
        long[] missing = new long[decisions.size()];
        for (int c = 0; c < missing.length; c++) {
            TableColumn column = table.column(decisions.get(c).name());
            missing[c] = column == null ? 0 : column.size() - ColumnInference.present(column);
        }
        return missing;
    }

    private InferenceReport report(int rows, long[] missing) {
        List<InferenceReport.Column> columns = new ArrayList<>();
        for (int c = 0; c < decisions.size(); c++) {
            Decision d = decisions.get(c);
            String reason = d.reason();
            List<String> more = notes.get(d.name());
            if (more != null) {
                reason += "; " + String.join("; ", more);
            }
            if (d.role() == ColumnRole.CATEGORICAL_FEATURE) {
                reason += "; " + (d.categorical().ordinal() ? "ordinal " + d.categorical().order() : "one-hot");
            }
            columns.add(new InferenceReport.Column(d.name(), d.role(), reason, missing[c]));
        }
        for (FeatureSpec.DerivedSpec d : spec.derived()) {
            List<String> more = notes.get(d.name());
            columns.add(new InferenceReport.Column(d.name(), ColumnRole.NUMERIC_FEATURE, "derived: " + d.formula()
                    + (more == null ? "" : "; " + String.join("; ", more)), 0));
        }
        return new InferenceReport(source, rows, columns, warnings);
    }
}
