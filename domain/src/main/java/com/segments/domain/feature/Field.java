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
        return SPACES.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Spellings of "no value" found in exported customer tables. */
    public static boolean isMissingText(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("na") || s.equals("n/a") || s.equals("nan") || s.equals("null")
                || s.equals("none") || s.equals("-");
    }

    /** The level a value falls in, or {@link #OTHER}; for reports and profiles. */
    public String levelOf(double code) {
        int index = (int) code;
        return Double.isNaN(code) || index < 0 || index >= levels.size() ? OTHER : levels.get(index);
    }

    /**
     * The value as a raw number.
     *
     * @throws FieldValidationException naming the field when the value has the wrong type or cannot be read
     */
    public double encode(Object value) {
        return switch (kind) {
            case NUMBER -> number(value);
            case CATEGORY -> categoryCode(value);
            case DATE -> dayNumber(value);
        };
    }

    private double number(Object value) {
        return switch (value) {
            case null -> Double.NaN;
            case Number n -> finite(n.doubleValue());
            case String text -> {
                if (isMissingText(text)) {
                    yield Double.NaN;
                }
                try {
                    yield finite(Double.parseDouble(text.strip()));
                } catch (NumberFormatException e) {
                    throw new FieldValidationException(name, "field '" + name + "' must be a number, got \"" + text + "\"");
                }
            }
            default -> throw new FieldValidationException(name, "field '" + name + "' must be a number, got " + value);
        };
    }

    private double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new FieldValidationException(name, "field '" + name + "' must be a finite number, got " + value);
        }
        return value;
    }

    private double categoryCode(Object value) {
        String text = switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> plain(n);
            case Boolean b -> b.toString();
            default -> throw new FieldValidationException(name, "field '" + name + "' must be text (one of "
                    + levels + "), got " + value);
        };
        if (text == null || isMissingText(text)) {
            return ordinal ? Double.NaN : levels.size();
        }
        String key = normalise(text);
        key = aliases.getOrDefault(key, key);
        int position = index.getOrDefault(key, -1);
        if (position < 0) {
            return ordinal ? Double.NaN : levels.size();
        }
        return position;
    }

    private static String plain(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    }

    private double dayNumber(Object value) {
        if (value == null || value instanceof String s && isMissingText(s)) {
            return Double.NaN;
        }
        if (!(value instanceof String text)) {
            throw new FieldValidationException(name, "field '" + name + "' must be a date written as " + dateFormat
                    + ", got " + value);
        }
        try {
            return parseDate(text.strip(), dateFormat).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(name, "field '" + name + "' must be a date written as " + dateFormat
                    + ", got \"" + text + "\"");
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
