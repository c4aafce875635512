package com.segments.engine.spark;

import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpec.NumericOptions;
import com.segments.domain.table.ColumnNames;
import com.segments.domain.table.DataSourceException;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which columns the Spark engine reads, from the spec and the source's column types: the id (the spec's, else the
 * first column named like one), and as features every column the spec declares numeric plus, unless the spec says
 * otherwise, every other numeric column. The engine reads numeric features only: a spec that declares categorical or
 * date columns, derived features or principal components is refused by name (train without --engine for those).
 */
record SparkColumns(String id, List<String> features, List<NumericOptions> options, List<String> notes) {

    static SparkColumns choose(StructType schema, FeatureSpec spec, String source) {
        List<String> header = Arrays.asList(schema.fieldNames());
        refuseWhatSparkCannotFit(spec, header, source);
        String id = spec.declaredId() != null ? spec.declaredId()
                : header.stream().filter(ColumnNames::looksLikeId).findFirst().orElse(null);
        List<String> features = new ArrayList<>();
        List<NumericOptions> options = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StructField field : schema.fields()) {
            String name = field.name();
            FeatureSpec.ColumnSpec declared = spec.columns().get(name);
            boolean numeric = field.dataType() instanceof NumericType;
            if (name.equals(id)) {
                notes.add(name + ": id");
            } else if (declared != null && declared.role() != FeatureSpec.Role.NUMERIC) {
                notes.add(name + ": " + declared.role().name().toLowerCase(java.util.Locale.ROOT) + " (spec), not a feature");
            } else if (declared != null && !numeric) {
                throw new DataSourceException(source + ": column '" + name + "' is declared numeric but Spark reads it as "
                        + field.dataType().simpleString() + " (a cell that is not a number?)");
            } else if (declared != null || (spec.inferOthers() && numeric)) {
                features.add(name);
                options.add(declared != null && declared.numeric() != null ? declared.numeric() : spec.defaults());
            } else {
                notes.add(name + ": ignored (" + (numeric ? "not in the spec" : field.dataType().simpleString()
                        + "; the Spark engine reads numeric columns only") + ")");
            }
        }
        if (features.isEmpty()) {
            throw new DataSourceException(source + ": no numeric feature column among " + header);
        }
        return new SparkColumns(id, List.copyOf(features), List.copyOf(options), List.copyOf(notes));
    }

    private static void refuseWhatSparkCannotFit(FeatureSpec spec, List<String> header, String source) {
        Set<String> present = Set.copyOf(header);
        List<String> missing = spec.columns().keySet().stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new DataSourceException(source + ": the feature spec names column(s) " + missing + " that are not in "
                    + header);
        }
        String unsupported = spec.columns().entrySet().stream()
                .filter(e -> e.getValue().role() == FeatureSpec.Role.CATEGORICAL || e.getValue().role() == FeatureSpec.Role.DATE)
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        if (!unsupported.isEmpty()) {
            throw new DataSourceException("the Spark engine reads numeric features only; the spec declares categorical or "
                    + "date column(s) " + unsupported + ": declare them ignore, or train without --engine");
        }
        if (!spec.derived().isEmpty()) {
            throw new DataSourceException("the Spark engine does not compute derived features (spec: "
                    + spec.derived().stream().map(FeatureSpec.DerivedSpec::name).toList() + "); train without --engine");
        }
        if (spec.pca() != null) {
            throw new DataSourceException("the Spark engine does not fit principal components (spec: pca); "
                    + "train without --engine");
        }
    }
}
