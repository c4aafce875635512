package com.segments.application;

import com.segments.domain.TextLimits;
import com.segments.domain.feature.FieldValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A moment as users write one in a filter ({@code --since}, {@code ?since=}): a day, or an ISO instant. */
public final class Moments {

    private Moments() {
    }

    /**
     * {@code 2026-03-01} (that day's start, UTC) or {@code 2026-03-01T10:00:00Z}.
     *
     * @throws FieldValidationException naming {@code field} when the text is neither
     */
    public static Instant parse(String field, String text) {
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "\"" + TextLimits.echo(text)
                    + "\" is not a date (2026-03-01) or a moment (2026-03-01T10:00:00Z)");
        }
    }
}
