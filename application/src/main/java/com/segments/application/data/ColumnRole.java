package com.segments.application.data;

/** What inference decided a column is for. */
public enum ColumnRole {
    ID, NUMERIC_FEATURE, IGNORED
}
