package com.segments.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.segments.domain.SegmentsException;
import com.segments.domain.TextLimits;
import com.segments.domain.feature.FieldValidationException;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON reading of every request body: exactly one value (trailing content is refused, as Jackson's
 * {@code FAIL_ON_TRAILING_TOKENS} would), duplicate keys refused ({@code STRICT_DUPLICATE_DETECTION}), nesting,
 * string and number lengths bounded ({@link StreamReadConstraints}), and every number finite. The result is plain
 * Java: {@link Map} (insertion order), {@link List}, {@link String}, {@link Long} or {@link BigInteger} for a number
 * written without a fraction or exponent, {@link Double} for any other, {@link Boolean}, and {@code null}.
 * {@link Fields} then reads an object's members without coercion: a string is never a number, a fraction never an
 * integer, a string never a boolean, an array never a string; each refusal names the field.
 */
final class StrictJson {

    /** Nesting of arrays and objects: a batch is an array of objects, nothing needs more than a few levels. */
    static final int MAX_DEPTH = 16;
    /** The longest string value or key. */
    static final int MAX_STRING = 100_000;
    /** The most digits a number may have. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER_LENGTH).maxNameLength(MAX_STRING).build())
            .build();

    private StrictJson() {
    }

    /** A body that is not one strict JSON value. */
    static final class NotStrictJson extends SegmentsException {
        private final String field;

        NotStrictJson(String message, String field) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** Reads a whole body as one JSON value. */
    static Object read(String body) {
        if (body == null || body.isBlank()) {
            throw new NotStrictJson("the body is empty; send a JSON document", null);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            Object value = value(parser, first, "");
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new NotStrictJson("the body holds more than one JSON value: content follows the document at line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr(), null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new NotStrictJson("the body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + location(e), null);
        } catch (IOException e) {
            throw new NotStrictJson("the body cannot be read", null);
        }
    }

    /** Reads a body that must be one JSON object. */
    static Fields object(String body, String what) {
        Object value = read(body);
        if (!(value instanceof Map<?, ?> map)) {
            throw new NotStrictJson("the body must be " + what + ", not " + describe(value), null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return new Fields(members, "");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static Object value(JsonParser parser, JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, value(parser, parser.nextToken(), path + (path.isEmpty() ? "" : ".") + name));
                }
                yield members;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t, path + "[" + items.size() + "]"));
                }
                yield items;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT, LONG -> parser.getLongValue();
                default -> parser.getBigIntegerValue();
            };
            case VALUE_NUMBER_FLOAT -> {
                double d = parser.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw new FieldValidationException(path.isEmpty() ? "(body)" : path,
                            parser.getText() + " is not a finite number");
                }
                yield d;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new NotStrictJson("unexpected " + token + " in the body", null);
        };
    }

    /** How a JSON value is named in an error message. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            case String s -> "text";
            case Boolean b -> "a boolean";
            case Double d -> "a fraction (" + d + ")";
            default -> "a number";
        };
    }

    /** The members of a JSON object, read without coercion. */
    static final class Fields {
        private final Map<String, Object> members;
        private final String prefix;

        Fields(Map<String, Object> members, String prefix) {
            this.members = members;
            this.prefix = prefix;
        }

        Map<String, Object> members() {
            return Collections.unmodifiableMap(members);
        }

        private String name(String key) {
            return prefix + key;
        }

        /** Refuses any member not in {@code known}, naming it and what is accepted. */
        Fields only(Set<String> known) {
            for (String key : members.keySet()) {
                if (!known.contains(key)) {
                    throw new FieldValidationException(TextLimits.echo(name(key)), "is not a field of this request; it takes "
                            + known.stream().sorted().toList());
                }
            }
            return this;
        }

        /** Text or null (absent or JSON null). */
        String text(String key, int maxLength) {
            Object v = members.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw new FieldValidationException(name(key), "must be text, got " + describe(v));
            }
            return TextLimits.line(name(key), s, maxLength);
        }

        /** Text that may span lines, or null. */
        String paragraph(String key, int maxLength) {
            Object v = members.get(key);
            if (v != null && !(v instanceof String)) {
                throw new FieldValidationException(name(key), "must be text, got " + describe(v));
            }
            return TextLimits.paragraph(name(key), (String) v, maxLength);
        }

        /** A whole number (written without fraction or exponent) in [min, max], or null. */
        Long integer(String key, long min, long max) {
            return wholeNumber(name(key), members.get(key), min, max);
        }

        /** True, false, or null. */
        Boolean bool(String key) {
            Object v = members.get(key);
            if (v != null && !(v instanceof Boolean)) {
                throw new FieldValidationException(name(key), "must be true or false, got " + describe(v));
            }
            return (Boolean) v;
        }

        /** A list of text, or null. */
        List<String> texts(String key, int maxItems, int maxLength) {
            Object v = members.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list)) {
                throw new FieldValidationException(name(key), "must be an array of text, got " + describe(v));
            }
            if (list.size() > maxItems) {
                throw new FieldValidationException(name(key), "holds " + list.size() + " items; at most " + maxItems);
            }
            List<String> texts = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new FieldValidationException(name(key) + "[" + i + "]", "must be text, got " + describe(list.get(i)));
                }
                texts.add(TextLimits.line(name(key) + "[" + i + "]", s, maxLength));
            }
            return texts;
        }

        /** An object of whole numbers (algorithm parameters), or null. */
        Map<String, Integer> integers(String key, int maxItems, int maxKeyLength) {
            Object v = members.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw new FieldValidationException(name(key), "must be an object of whole numbers, got " + describe(v));
            }
            if (map.size() > maxItems) {
                throw new FieldValidationException(name(key), "holds " + map.size() + " entries; at most " + maxItems);
            }
            Map<String, Integer> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String entry = name(key) + "." + TextLimits.echo((String) e.getKey());
                TextLimits.line(entry, (String) e.getKey(), maxKeyLength);
                if (e.getValue() == null) {
                    throw new FieldValidationException(entry, "must be a whole number, got null; leave it out for the default");
                }
                values.put((String) e.getKey(), (int) (long) wholeNumber(entry, e.getValue(), Integer.MIN_VALUE,
                        Integer.MAX_VALUE));
            }
            return values;
        }

        private static Long wholeNumber(String field, Object v, long min, long max) {
            if (v == null) {
                return null;
            }
            if (!(v instanceof Long n)) {
                throw new FieldValidationException(field, v instanceof BigInteger ? "is out of range: " + min + " to " + max
                        : "must be a whole number written without a fraction or exponent, got " + describe(v));
            }
            if (n < min || n > max) {
                throw new FieldValidationException(field, "is out of range: " + min + " to " + max + ", got " + n);
            }
            return n;
        }
    }
}
