package com.segments.domain.access;

import java.time.Instant;
import java.util.List;

/** The storage port for API keys. */
public interface ApiKeyRepository {

    /**
     * Stores a new key.
     *
     * @throws com.segments.domain.SegmentsException when a key of that name exists (revoked ones too: names are
     *                                               never reused, so the audit always means one key)
     */
    void add(ApiKey key);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> all();

    /**
     * Marks the working key of that name revoked.
     *
     * @return false when there is no working key of that name
     */
    boolean revoke(String name, Instant at);
}
