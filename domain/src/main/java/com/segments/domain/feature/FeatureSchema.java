package com.segments.domain.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model reads from a customer: the column that identifies a customer and the numeric features, in the
 * order the fitted preprocessing and the centroids use.
 *
 * @param idColumn the identifying column, or {@code null} when the training data had none (rows were numbered)
 * @param features numeric feature names, in model order; unique and non-empty
 */
public record FeatureSchema(String idColumn, List<String> features) {

    public FeatureSchema {
        Objects.requireNonNull(features, "features");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a feature schema needs at least one feature");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + features);
        }
        if (idColumn != null && features.contains(idColumn)) {
            throw new IllegalArgumentException("the id column '" + idColumn + "' cannot also be a feature");
        }
    }

    public int size() {
        return features.size();
    }

    /**
     * Turns one customer's raw fields into the model's raw feature vector. Every feature must be present;
     * {@code null} is an explicit missing value (imputed later); numbers may be given as JSON numbers or as
     * numeric strings. The id column is allowed and ignored here. Anything else is rejected, naming the field.
     *
     * @throws FieldValidationException naming the first offending field
     */
    public double[] toRawVector(Map<String, ?> fields) {
        for (String name : fields.keySet()) {
            if (!name.equals(idColumn) && !features.contains(name)) {
                throw new FieldValidationException(name, "unknown field '" + name + "'; this model reads "
                        + (idColumn == null ? "" : "'" + idColumn + "' (optional) and ") + "the features " + features);
            }
        }
        double[] raw = new double[features.size()];
        for (int j = 0; j < raw.length; j++) {
            String name = features.get(j);
            if (!fields.containsKey(name)) {
                throw new FieldValidationException(name, "missing feature '" + name
                        + "' (send null to mark the value as unknown and let the model impute it)");
            }
            raw[j] = numericValue(name, fields.get(name));
        }
        return raw;
    }

    /** Column positions of the features inside a header, by name. */
    public int[] positionsIn(List<String> header, String source) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i), i);
        }
        int[] positions = new int[features.size()];
        for (int j = 0; j < positions.length; j++) {
            Integer position = byName.get(features.get(j));
            if (position == null) {
                throw new FieldValidationException(features.get(j), source + ": column '" + features.get(j)
                        + "' is missing; the model needs " + features);
            }
            positions[j] = position;
        }
        return positions;
    }

    private static double numericValue(String name, Object value) {
        return switch (value) {
            case null -> Double.NaN;
            case Number number -> finite(name, number.doubleValue());
            case String text -> {
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    yield Double.NaN;
                }
                try {
                    yield finite(name, Double.parseDouble(trimmed));
                } catch (NumberFormatException e) {
                    throw new FieldValidationException(name, "field '" + name + "' must be a number, got \"" + text + "\"");
                }
            }
            default -> throw new FieldValidationException(name, "field '" + name + "' must be a number, got " + value);
        };
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new FieldValidationException(name, "field '" + name + "' must be a finite number, got " + value);
        }
        return value;
    }
}
