package com.segments.domain.access;

import com.segments.domain.feature.FieldValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an API key may do, each role including the ones below it: {@code predict-only} predicts (and reads, when
 * reads need a key); {@code operator} also retrains, cancels jobs, renames segments and edits offers, uploads
 * batches for drift; {@code admin} also activates, rolls back, points aliases, manages keys and reads the audit.
 */
public enum Role {
    PREDICT_ONLY("predict-only"),
    OPERATOR("operator"),
    ADMIN("admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name as users write it: {@code predict-only}, {@code operator}, {@code admin}. */
    public String label() {
        return label;
    }

    /** Whether a key of this role may do what needs {@code needed}. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** A role by its name as users write it; anything else names the three that exist. */
    public static Role parse(String field, String text) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (role.label.equals(wanted)) {
                    return role;
                }
            }
        }
        throw new FieldValidationException(field, "must be one of " + Arrays.stream(values()).map(Role::label)
                .collect(Collectors.joining(", ")));
    }
}
