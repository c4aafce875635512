package com.segments.domain;

import com.segments.domain.feature.FieldValidationException;

import java.util.List;
import java.util.Locale;

/**
 * The one place that bounds text a user hands in (segment names, descriptions, offers, aliases, ids, file names),
 * for every door alike: REST, CLI and console share the use cases that call it. Text is refused, naming the field,
 * when it is too long or holds a control character or a bidirectional override (U+202A..U+202E, U+2066..U+2069),
 * which would let a name read differently on screen than it is stored. Descriptions may hold line breaks and tabs.
 */
public final class TextLimits {

    /** A segment name. */
    public static final int NAME = 80;
    /** A segment description. */
    public static final int DESCRIPTION = 1_000;
    /** One offer. */
    public static final int OFFER = 200;
    /** Offers per segment. */
    public static final int OFFERS = 20;
    /** An alias ({@code champion}). */
    public static final int ALIAS = 32;
    /** A job id, an algorithm id, a parameter name. */
    public static final int ID = 64;
    /** A file name sent to the server (relative to its data directory). */
    public static final int FILE_NAME = 1_024;
    /** How much of a refused value an error message repeats. */
    public static final int ECHO = 40;

    private TextLimits() {
    }

    /** A one-line text of at most {@code max} characters, free of control and bidi-override characters. */
    public static String line(String field, String value, int max) {
        return check(field, value, max, false);
    }

    /** Like {@link #line} but line breaks and tabs are allowed (descriptions). */
    public static String paragraph(String field, String value, int max) {
        return check(field, value, max, true);
    }

    /** A list of at most {@code maxItems} lines of at most {@code maxLength} characters each. */
    public static List<String> lines(String field, List<String> values, int maxItems, int maxLength) {
        if (values.size() > maxItems) {
            throw new FieldValidationException(field, "holds " + values.size() + " items; at most " + maxItems);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new FieldValidationException(field + "[" + i + "]", "must be text, got null");
            }
            line(field + "[" + i + "]", values.get(i), maxLength);
        }
        return values;
    }

    private static String check(String field, String value, int max, boolean breaks) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new FieldValidationException(field, "is " + value.length() + " characters long; at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (breaks && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (forbidden(c)) {
                throw new FieldValidationException(field, String.format(Locale.ROOT,
                        "holds the %s character U+%04X at position %d; remove it",
                        Character.isISOControl(c) ? "control" : "bidirectional-override", (int) c, i + 1));
            }
        }
        return value;
    }

    /** True for a control character (C0, DEL, C1) or a bidirectional embedding, override or isolate. */
    public static boolean forbidden(char c) {
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * A user's value made safe to repeat in a message: at most {@link #ECHO} characters (then "..."), control and
     * bidi characters written as {@code \\uXXXX}.
     */
    public static String echo(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), ECHO) + 8);
        for (int i = 0; i < value.length() && i < ECHO; i++) {
            char c = value.charAt(i);
            out.append(forbidden(c) ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
        }
        return value.length() > ECHO ? out.append("...").toString() : out.toString();
    }

    /**
     * A version number written in ASCII digits only ({@code "1"}, never {@code "１"} or {@code "1.5"}).
     *
     * @throws FieldValidationException naming {@code field} otherwise
     */
    public static int version(String field, String text) {
        if (text == null || text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FieldValidationException(field, "\"" + echo(text) + "\" is not a model version (ASCII digits, 1 or more)");
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new FieldValidationException(field, "model versions run from 1 to " + Integer.MAX_VALUE + ", got " + text);
        }
        return (int) value;
    }
}
