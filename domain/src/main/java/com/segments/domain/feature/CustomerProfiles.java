package com.segments.domain.feature;

import java.util.List;
import java.util.Objects;

/**
 * One raw feature vector per customer: the matrix a model is trained on, with the customers' ids in row order.
 *
 * @param schema   names of the id column and of the matrix's columns
 * @param ids      customer ids, one per row; kept as given (a view made on demand over compact storage is not
 *                 copied into a million strings), so it must not change
 * @param values   raw values in original units, {@code NaN} where missing
 */
public record CustomerProfiles(FeatureSchema schema, List<String> ids, DataMatrix values) {

    public CustomerProfiles {
        Objects.requireNonNull(schema, "schema");
        ids = java.util.Collections.unmodifiableList(Objects.requireNonNull(ids, "ids"));
        Objects.requireNonNull(values, "values");
        if (ids.size() != values.rows()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + values.rows() + " rows");
        }
        if (schema.size() != values.columns()) {
            throw new IllegalArgumentException(schema.size() + " feature names for " + values.columns() + " columns");
        }
    }

    public int size() {
        return values.rows();
    }
}
