package com.segments.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as it is stored: never the key itself, only its keyed hash ({@link KeyHasher}) and the first
 * characters of the key ({@code hint}) so that an operator can tell keys apart in a list.
 *
 * @param name      unique, never reused (the audit names keys by it)
 * @param revokedAt when it stopped working; null while it works
 */
public record ApiKey(String name, Role role, String hash, String hint, Instant createdAt, String createdBy,
                     Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean active() {
        return revokedAt == null;
    }
}
