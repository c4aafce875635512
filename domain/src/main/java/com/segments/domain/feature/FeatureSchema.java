package com.segments.domain.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model reads from a customer: the column that identifies a customer, the raw fields in the order the
 * fitted preprocessing reads them, and the group attributes (bank, branch, country) that are carried along for
 * reporting but never used as features.
 *
 * @param idColumn     the identifying column, or {@code null} when the training data had none (rows were numbered)
 * @param fields       raw fields, in model order; unique and non-empty
 * @param groupColumns group attributes; accepted in a request and ignored by the model
 */
public record FeatureSchema(String idColumn, List<Field> fields, List<String> groupColumns) {

    public FeatureSchema {
        Objects.requireNonNull(fields, "fields");
        fields = List.copyOf(fields);
        groupColumns = List.copyOf(groupColumns);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a feature schema needs at least one feature");
        }
        List<String> names = fields.stream().map(Field::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
        if (idColumn != null && names.contains(idColumn)) {
            throw new IllegalArgumentException("the id column '" + idColumn + "' cannot also be a feature");
        }
        for (String group : groupColumns) {
            if (names.contains(group) || group.equals(idColumn)) {
                throw new IllegalArgumentException("group attribute '" + group + "' cannot also be the id or a feature");
            }
        }
    }

    /** A schema of numeric fields only, without group attributes. */
    public FeatureSchema(String idColumn, List<String> numericFeatures) {
        this(idColumn, numericFeatures.stream().map(Field::number).toList(), List.of());
    }

    /** The fields' names, in model order. */
    public List<String> features() {
        return fields.stream().map(Field::name).toList();
    }

    public int size() {
        return fields.size();
    }

    /**
     * Turns one customer's raw fields into the model's raw vector. Every feature must be present; {@code null} is
     * an explicit missing value (imputed later, or the unknown bucket of a category). The id column and group
     * attributes are allowed and ignored here. Anything else is rejected, naming the field.
     *
     * @throws FieldValidationException naming the first offending field
     */
    public double[] toRawVector(Map<String, ?> values) {
        for (String name : values.keySet()) {
            if (!name.equals(idColumn) && !groupColumns.contains(name) && indexOf(name) < 0) {
                throw FieldValidationException.whole(name, "unknown field '" + name + "'; this model reads "
                        + (idColumn == null ? "" : "'" + idColumn + "' (optional) and ") + "the features " + features()
                        + (groupColumns.isEmpty() ? "" : " (group attributes " + groupColumns + " are optional)"));
            }
        }
        double[] raw = new double[fields.size()];
        for (int j = 0; j < raw.length; j++) {
            Field field = fields.get(j);
            if (!values.containsKey(field.name())) {
                throw FieldValidationException.whole(field.name(), "missing feature '" + field.name()
                        + "' (send null to mark the value as unknown and let the model impute it)");
            }
            raw[j] = field.encode(values.get(field.name()));
        }
        return raw;
    }

    private int indexOf(String name) {
        for (int j = 0; j < fields.size(); j++) {
            if (fields.get(j).name().equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** Column positions of the features inside a header, by name. */
    public int[] positionsIn(List<String> header, String source) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i), i);
        }
        int[] positions = new int[fields.size()];
        for (int j = 0; j < positions.length; j++) {
            String name = fields.get(j).name();
            Integer position = byName.get(name);
            if (position == null) {
                throw FieldValidationException.whole(name, source + ": column '" + name
                        + "' is missing; the model needs " + features());
            }
            positions[j] = position;
        }
        return positions;
    }
}
