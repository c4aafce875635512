package com.segments.domain.feature;

import com.segments.domain.SegmentsException;

/**
 * A customer's field (or a file's column) that does not fit the model's feature schema. The problem is said
 * without the field's name so that each door can say where it was: "field 'AGE': ..." for a JSON document,
 * "file.csv: row 5 (line 6), column 'AGE': ..." for a file.
 */
public class FieldValidationException extends SegmentsException {

    private final String field;
    private final String problem;

    /**
     * @param field   the field's name
     * @param problem what is wrong with its value, e.g. {@code "lots" is not a number}
     */
    public FieldValidationException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** For problems that already say where they are (a missing or unknown field, a batch position). */
    public static FieldValidationException whole(String field, String message) {
        return new FieldValidationException(field, message, true);
    }

    private FieldValidationException(String field, String message, boolean whole) {
        super(message);
        this.field = field;
        this.problem = message;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }
}
