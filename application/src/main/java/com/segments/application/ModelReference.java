package com.segments.application;

import com.segments.domain.SegmentsException;

import java.util.regex.Pattern;

/**
 * Which model a request means: a version number, an alias ({@code champion}), or nothing for the active one.
 */
public record ModelReference(Integer version, String alias) {

    static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static final ModelReference ACTIVE = new ModelReference(null, null);

    public ModelReference {
        if (version != null && alias != null) {
            throw new IllegalArgumentException("a reference is a version or an alias, not both");
        }
        if (version != null && version < 1) {
            throw new SegmentsException("model versions start at 1, got " + version);
        }
    }

    /** "3" is version 3, "champion" an alias, null or blank the active model. */
    public static ModelReference parse(String text) {
        if (text == null || text.isBlank()) {
            return ACTIVE;
        }
        String value = text.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ModelReference(com.segments.domain.TextLimits.version("model", value), null);
        }
        return new ModelReference(null, checkAlias(value));
    }

    static String checkAlias(String alias) {
        if (!ALIAS.matcher(alias).matches() || alias.equals("active")) {
            throw new SegmentsException("'" + com.segments.domain.TextLimits.echo(alias) + "' is not a model version or an alias; aliases are lower-case "
                    + "letters, digits, '-' and '_', start with a letter, and 'active' is reserved");
        }
        return alias;
    }

    @Override
    public String toString() {
        return version != null ? "version " + version : alias != null ? "alias '" + alias + "'" : "the active model";
    }
}
