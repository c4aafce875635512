package com.segments.domain.feature;

/** Where a fitted step says what it did to a column ("313 missing, filled with the median 312.3"). */
@FunctionalInterface
public interface FitNotes {

    void note(String column, String text);

    FitNotes NONE = (column, text) -> {
    };
}
