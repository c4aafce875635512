package com.segments.adapters.rest;

import java.util.regex.Pattern;

/**
 * What an error message may say to a client: one line, bounded, without class names, absolute file paths or
 * database internals. Applied to every message the REST door answers with, whatever produced it.
 */
final class Messages {

    /** The longest message sent. */
    static final int MAX = 600;

    /** {@code java.lang.NumberFormatException}, {@code org.h2.jdbc.JdbcSQLException}, {@code com.x.Y$Z}. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|com|org|net|sun|jdk)\\.(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\$[\\w$]+)*");
    /** An absolute path of two or more parts, not one of the API's own addresses; the last part is kept. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.:/])(?:[A-Za-z]:)?[/\\\\](?!api/|console|assets/|health|openapi)(?:[^\\s/\\\\'\"\\[\\](),;:]+[/\\\\])+"
                    + "([^\\s/\\\\'\"\\[\\](),;:]*)");
    /** Signs of a database error: SQL state codes, H2 error codes, JDBC URLs. */
    private static final Pattern DATABASE = Pattern.compile(
            "(?i)\\bSQL\\b|SQLSTATE|jdbc:|\\borg\\.h2\\b|\\[\\d{5}-\\d{3}]|\\b(?:SELECT|INSERT|UPDATE)\\b.+\\b(?:FROM|INTO|SET)\\b");

    private Messages() {
    }

    /** The message made safe; {@code fallback} when it speaks of the database or is empty. */
    static String safe(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String line = message.lines().findFirst().orElse("").strip();
        if (DATABASE.matcher(line).find()) {
            return fallback;
        }
        line = CLASS_NAME.matcher(line).replaceAll("");
        line = ABSOLUTE_PATH.matcher(line).replaceAll("$1");
        StringBuilder out = new StringBuilder(Math.min(line.length(), MAX) + 3);
        for (int i = 0; i < line.length() && i < MAX; i++) {
            char c = line.charAt(i);
            out.append(com.segments.domain.TextLimits.forbidden(c) ? '?' : c);
        }
        if (line.length() > MAX) {
            out.append("...");
        }
        String result = out.toString().strip();
        return result.isEmpty() ? fallback : result;
    }
}
