package com.segments.application;

import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.access.Role;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who a presented API key belongs to. The working keys are held in memory (their hashes only) and read again by
 * {@link #reload()}: the server calls it on a timer, and {@link ManageApiKeys} after each change, so checking a key
 * never waits for the database and keeps working while it is down. A presented key is hashed once and compared with
 * every working key in constant time, without stopping at a match, so the time taken says nothing about which
 * key, or how much of one, was right.
 *
 * <p>The key of the configuration ({@code segments.api.key}, {@code SEGMENTS_API_KEY}) keeps working as an admin
 * key named {@value #CONFIG_KEY_NAME}.
 */
public final class KeyRing {

    public static final String CONFIG_KEY_NAME = "config";

    /** Longer keys are refused before hashing: ours are 47 characters. */
    public static final int MAX_KEY_LENGTH = 256;

    /** Whom a working key names. */
    public record Principal(String name, Role role) {
    }

    private record Known(Principal principal, byte[] hash) {
    }

    private final ApiKeyRepository keys;
    private final KeyHasher hasher;
    private final String configKey;
    private volatile List<Known> known;

    /** @param configKey the configured key, or an empty string for none */
    public KeyRing(ApiKeyRepository keys, KeyHasher hasher, String configKey) {
        this.keys = keys;
        this.hasher = hasher;
        this.configKey = configKey == null ? "" : configKey.strip();
    }

    /** The principal of a working key; empty for anything else. */
    public Optional<Principal> identify(String presented) {
        List<Known> snapshot = loaded();
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = hash(presented.strip());
        Principal found = null;
        for (Known k : snapshot) {
            if (MessageDigest.isEqual(k.hash(), hash) && found == null) {
                found = k.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any key works at all (the configured one or a stored one). */
    public boolean anyKey() {
        return !loaded().isEmpty();
    }

    /** Reads the working keys (again): the server's timer calls this. */
    public synchronized void refresh() {
        known = read(); // synchronized: a timer's read that began before a change cannot land after it
    }

    /** Reads the working keys again; does nothing until they have first been read (a command that never checks one). */
    public synchronized void reload() {
        if (known != null) {
            known = read();
        }
    }

    private List<Known> loaded() {
        List<Known> snapshot = known;
        if (snapshot == null) {
            synchronized (this) {
                if (known == null) {
                    known = read();
                }
                snapshot = known;
            }
        }
        return snapshot;
    }

    private List<Known> read() {
        List<Known> read = new ArrayList<>();
        if (!configKey.isEmpty()) {
            read.add(new Known(new Principal(CONFIG_KEY_NAME, Role.ADMIN), hash(configKey)));
        }
        for (ApiKey key : keys.all()) {
            if (key.active()) {
                read.add(new Known(new Principal(key.name(), key.role()), HexFormat.of().parseHex(key.hash())));
            }
        }
        return List.copyOf(read);
    }

    private byte[] hash(String key) {
        return HexFormat.of().parseHex(hasher.hash(key));
    }
}
