package com.segments.domain.feature;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One raw field a model reads, and how its value becomes a number in the raw vector:
 * <ul>
 *   <li>{@link Kind#NUMBER}: the number itself;</li>
 *   <li>{@link Kind#CATEGORY}: the position of its level in {@link #levels()} after trimming, lower-casing and the
 *       {@link #aliases()} map; any other value (unseen, grouped as rare, mapped to unknown, or missing) takes the
 *       "other" bucket, position {@code levels.size()}. An {@link #ordinal()} category reads its position as an
 *       ordered number instead, and an unknown value as missing (imputed);</li>
 *   <li>{@link Kind#DATE}: the day number (days since 1970-01-01) of a date written in {@link #dateFormat()}.</li>
 * </ul>
 *
 * Aliases map a normalised value to a normalised level; an empty target means "unknown".
 */
public final class Field {

    public enum Kind { NUMBER, CATEGORY, DATE }

    /** The bucket name of values a categorical field does not know. */
    public static final String OTHER = "(other)";

    private final String name;
    private final Kind kind;
    private final List<String> levels;
    private final Map<String, String> aliases;
    private final boolean ordinal;
    private final String dateFormat;
    private final Map<String, Integer> index = new HashMap<>();

    public Field(String name, Kind kind, List<String> levels, Map<String, String> aliases, boolean ordinal,
                 String dateFormat) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.levels = List.copyOf(levels);
        this.aliases = Map.copyOf(aliases);
        this.ordinal = ordinal;
        this.dateFormat = dateFormat;
        if (kind == Kind.CATEGORY && levels.isEmpty()) {
            throw new IllegalArgumentException("categorical field '" + name + "' needs at least one level");
        }
        if (levels.stream().map(Field::normalise).distinct().count() != levels.size()) {
            throw new IllegalArgumentException("field '" + name + "' repeats a level: " + levels);
        }
        if (kind == Kind.DATE) {
            DateTimeFormatter.ofPattern(Objects.requireNonNull(dateFormat, "dateFormat"), Locale.ROOT);
        }
        for (int i = 0; i < levels.size(); i++) {
            index.put(normalise(levels.get(i)), i);
        }
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> levels() {
        return levels;
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    public boolean ordinal() {
        return ordinal;
    }

    public String dateFormat() {
        return dateFormat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && name.equals(f.name) && kind == f.kind && levels.equals(f.levels)
                && aliases.equals(f.aliases) && ordinal == f.ordinal && Objects.equals(dateFormat, f.dateFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, levels, aliases, ordinal, dateFormat);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NUMBER -> name + " (number)";
            case CATEGORY -> name + (ordinal ? " (ordered " : " (category ") + levels + ")";
            case DATE -> name + " (date " + dateFormat + ")";
        };
    }

    public static Field number(String name) {
        return new Field(name, Kind.NUMBER, List.of(), Map.of(), false, null);
    }

    public static Field category(String name, List<String> levels, Map<String, String> aliases, boolean ordinal) {
        return new Field(name, Kind.CATEGORY, levels, aliases, ordinal, null);
    }

    public static Field date(String name, String pattern) {
        return new Field(name, Kind.DATE, List.of(), Map.of(), false, pattern);
    }

    /** True for a categorical field read as one-hot columns (one per level plus the other bucket). */
    public boolean oneHot() {
        return kind == Kind.CATEGORY && !ordinal;
    }

    /** How a categorical value is compared: trimmed, inner spaces collapsed, lower case. */
    public static String normalise(String value) {
        String stripped = value.strip();
        StringBuilder out = null;
        boolean space = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean isSpace = Character.isWhitespace(c);
            if (out == null && (isSpace && (c != ' ' || space) || Character.toLowerCase(c) != c)) {
                out = new StringBuilder(stripped.length()).append(stripped, 0, i); // slow path from here on
            }
            if (out != null && !(isSpace && space)) {
                out.append(isSpace ? ' ' : Character.toLowerCase(c));
            }
            space = isSpace;
        }
        return out == null ? stripped : out.toString();
    }

    /** Spellings of "no value" found in exported customer tables (see {@link NumberText#isMissing(String)}). */
    public static boolean isMissingText(String value) {
        return NumberText.isMissing(value);
    }

    /** The level a value falls in, or {@link #OTHER}; for reports and profiles. */
    public String levelOf(double code) {
        int index = (int) code;
        return Double.isNaN(code) || index < 0 || index >= levels.size() ? OTHER : levels.get(index);
    }

    /**
     * The one conversion of a cell written as text (a CSV cell, an uploaded file, a JSON string) into this field's
     * raw number: a missing spelling ({@link NumberText#isMissing}) is missing; a number must be written as
     * {@link NumberText} reads numbers; a date in {@link #dateFormat()}; a category is looked up by {@link #code}.
     *
     * @throws FieldValidationException naming the field when the text cannot be this field's value
     */
    public double parse(String text) {
        return kind == Kind.CATEGORY ? code(text) : parse(text.toCharArray(), 0, text.length());
    }

    /** {@link #parse(String)} on part of a character buffer, without copying it for numbers. */
    public double parse(char[] chars, int offset, int length) {
        if (kind == Kind.CATEGORY) {
            return code(new String(chars, offset, length));
        }
        double value = kind == Kind.NUMBER ? NumberText.parse(chars, offset, length) : Double.NaN;
        if (!Double.isNaN(value) || NumberText.isMissing(chars, offset, length)) {
            return value;
        }
        String text = new String(chars, offset, length);
        if (kind == Kind.NUMBER) {
            throw new FieldValidationException(name, "\"" + text + "\" is not a number");
        }
        return dayNumber(text.strip());
    }

    /**
     * A category value's raw number: the position of its level after trimming, lower-casing and the aliases; the
     * other bucket ({@code levels().size()}) for a missing, unseen or unknown-mapped value, or {@code NaN} for an
     * ordinal field, whose unknown values are imputed.
     */
    public double code(String value) {
        if (value == null || isMissingText(value)) {
            return ordinal ? Double.NaN : levels.size();
        }
        String key = normalise(value);
        key = aliases.getOrDefault(key, key);
        int position = index.getOrDefault(key, -1);
        if (position < 0) {
            return ordinal ? Double.NaN : levels.size();
        }
        return position;
    }

    /**
     * The raw number of a typed value from a JSON document: {@code null} is the only way to say "unknown" there,
     * so a string that a CSV cell would read as missing ({@code ""}, {@code "NA"}, {@code "NaN"}) is refused for a
     * number or a date; a number written as a string is read by the same rules as a CSV cell.
     *
     * @throws FieldValidationException naming the field when the value has the wrong type or cannot be read
     */
    public double encode(Object value) {
        if (value == null) {
            return kind == Kind.CATEGORY ? code(null) : Double.NaN;
        }
        return switch (kind) {
            case NUMBER -> switch (value) {
                case Number n -> finite(n.doubleValue());
                case String text -> parse(requirePresent(text));
                default -> throw new FieldValidationException(name, "must be a number, got " + value);
            };
            case CATEGORY -> switch (value) {
                case String s -> code(s);
                case Number n -> code(plain(n));
                case Boolean b -> code(b.toString());
                default -> throw new FieldValidationException(name, "must be text (one of " + levels + "), got " + value);
            };
            case DATE -> {
                if (!(value instanceof String text)) {
                    throw new FieldValidationException(name, "must be a date written as " + dateFormat + ", got " + value);
                }
                yield parse(requirePresent(text));
            }
        };
    }

    private String requirePresent(String text) {
        if (isMissingText(text)) {
            throw new FieldValidationException(name, "\"" + text + "\" is not a " + (kind == Kind.DATE ? "date" : "number")
                    + "; send null when the value is unknown");
        }
        return text;
    }

    private double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new FieldValidationException(name, "must be a finite number, got " + value);
        }
        return value;
    }

    private static String plain(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    }

    private double dayNumber(String text) {
        try {
            return parseDate(text, dateFormat).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(name, "\"" + text + "\" is not a date written as " + dateFormat);
        }
    }

    /** Parses a date (or date-time, whose time is ignored) written in a pattern such as {@code dd-MM-yyyy}. */
    public static LocalDate parseDate(String text, String pattern) {
        DateTimeFormatter formatter = FORMATTERS.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p, Locale.ROOT)
                .withResolverStyle(ResolverStyle.SMART));
        return LocalDate.from(formatter.parse(text));
    }

    private static final Map<String, DateTimeFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();
}
