package com.segments.domain.feature;

import com.segments.domain.SegmentsException;

/** A customer's field (or a file's column) that does not fit the model's feature schema. */
public class FieldValidationException extends SegmentsException {

    private final String field;

    public FieldValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
