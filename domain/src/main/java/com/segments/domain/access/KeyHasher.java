package com.segments.domain.access;

/**
 * Turns a presented API key into what is stored for it. Implementations are keyed (a per-installation secret), so
 * that a copy of the key table alone does not let anyone test guesses offline.
 */
public interface KeyHasher {

    /** The stored form of {@code key}: the same for the same key, lower-case hex. */
    String hash(String key);
}
