package com.segments.domain.table;

import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FieldValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a table is read for a model that already exists (scoring, group comparison): every feature column through
 * its field (the same conversion a JSON request goes through), the id as text, the asked-for extra columns as
 * categories, nothing else.
 */
public final class SchemaReads {

    private SchemaReads() {
    }

    /**
     * @param extras columns to read as well, as categories (a group column to compare by)
     * @throws FieldValidationException naming a feature or extra column the header lacks
     */
    public static List<ColumnRead> plan(FeatureSchema schema, List<String> header, String source, List<String> extras) {
        schema.positionsIn(header, source); // names the first missing feature
        for (String extra : extras) {
            if (!header.contains(extra)) {
                throw FieldValidationException.whole(extra, source + " has no column '" + extra + "'; it has " + header);
            }
        }
        List<ColumnRead> plan = new ArrayList<>();
        for (String name : header) {
            Field field = schema.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (field != null) {
                plan.add(ColumnRead.field(field));
            } else if (extras.contains(name)) {
                plan.add(ColumnRead.category(name, Integer.MAX_VALUE));
            } else if (name.equals(schema.idColumn())) {
                plan.add(ColumnRead.text(name));
            } else {
                plan.add(ColumnRead.skip(name));
            }
        }
        return plan;
    }

    /** The header's columns the model neither reads nor knows (not a feature, the id or a group attribute). */
    public static List<String> unused(FeatureSchema schema, List<String> header) {
        Set<String> known = new HashSet<>(schema.features());
        known.addAll(schema.groupColumns());
        if (schema.idColumn() != null) {
            known.add(schema.idColumn());
        }
        return header.stream().filter(name -> !known.contains(name)).toList();
    }

    /** The block's raw vectors, row-major, in the schema's field order; the block must hold every feature column. */
    public static DataMatrix rawMatrix(FeatureSchema schema, Table block) {
        int w = schema.size();
        double[] raw = new double[block.rows() * w];
        for (int j = 0; j < w; j++) {
            TableColumn column = block.column(schema.fields().get(j).name());
            if (!(column instanceof NumberColumn numbers)) {
                throw new IllegalArgumentException("column '" + schema.fields().get(j).name() + "' was not read by its field");
            }
            double[] values = numbers.values();
            for (int i = 0; i < values.length; i++) {
                raw[i * w + j] = values[i];
            }
        }
        return DataMatrix.wrap(block.rows(), w, raw);
    }
}
