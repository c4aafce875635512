package com.segments.domain.audit;

import com.segments.domain.TextLimits;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited event: who did what to which target, when, how it ended and from where. Every text is bounded and
 * cleaned of control and bidirectional characters here, so that whatever a client sent cannot forge a line of the
 * log or overflow a column.
 *
 * @param actor  an API key's name, {@code anonymous} for a request without a working key, or {@code cli:USER}
 * @param action what was asked, e.g. {@code model.activate}, {@code key.add}, {@code api.access}
 * @param target what it was asked of, e.g. {@code version 3}; empty when nothing in particular
 * @param detail the status and error code, or what the change did
 * @param source the client's address, or {@code local} for the command line
 */
public record AuditEntry(Instant at, String actor, String action, String target, AuditOutcome outcome, String detail,
                         String source) {

    public static final int ACTOR = 80;
    public static final int ACTION = 40;
    public static final int TARGET = 200;
    public static final int DETAIL = 500;
    public static final int SOURCE = 64;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        actor = clean(actor, ACTOR);
        action = clean(action, ACTION);
        target = clean(target, TARGET);
        detail = clean(detail, DETAIL);
        source = clean(source, SOURCE);
    }

    /** At most {@code max} characters (the last three "..." when cut), forbidden characters as {@code \\uXXXX}. */
    static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece = TextLimits.forbidden(c) ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c);
            if (out.length() + piece.length() > max) {
                out.setLength(Math.max(0, max - 3));
                return out.append("...").toString();
            }
            out.append(piece);
        }
        return out.toString();
    }
}
