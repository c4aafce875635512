package com.segments.application.features;

/** What a column of a customer table is for. */
public enum ColumnRole {
    /** identifies a customer */
    ID,
    /** a number, a feature */
    NUMERIC_FEATURE,
    /** a few levels, one-hot or ordinal encoded, a feature */
    CATEGORICAL_FEATURE,
    /** a date, read as a day number, a feature */
    DATE_FEATURE,
    /** a group attribute (bank, branch, country): carried along for reporting, never a feature */
    GROUP,
    /** a customer's sample weight (declared in a spec): counts the customer that many times, never a feature */
    WEIGHT,
    /** not used: personal data, free text, identifiers, constant or empty columns */
    IGNORED
}
