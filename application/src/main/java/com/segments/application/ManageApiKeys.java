package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.access.Role;
import com.segments.domain.access.UnknownKeyException;
import com.segments.domain.feature.FieldValidationException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys with a name and a role: made (the key is shown once and only its keyed hash is stored), listed, revoked.
 * The command line and {@code /api/v1/keys} both come here; {@link KeyRing} is told of every change, so this
 * process honours it at once (another process within its refresh interval).
 */
public final class ManageApiKeys {

    /** Names a key may not take: the configured key's and the audit's name for a request without a key. */
    public static final Set<String> RESERVED = Set.of(KeyRing.CONFIG_KEY_NAME, "anonymous");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int SECRET_BYTES = 32;
    private static final String PREFIX = "sgk_";

    private final ApiKeyRepository keys;
    private final KeyHasher hasher;
    private final KeyRing ring;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ManageApiKeys(ApiKeyRepository keys, KeyHasher hasher, KeyRing ring, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.ring = ring;
        this.clock = clock;
    }

    /** A new key and the only copy of its secret. */
    public record Issued(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Issued[" + key.name() + "]"; // never the secret in a log line
        }
    }

    /**
     * @param name 1 to 64 of letters, digits, '.', '_' and '-', starting with a letter or digit
     * @param by   who made it (the audit's actor)
     */
    public Issued add(String name, Role role, String by) {
        checkName(name);
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(name, role, hasher.hash(secret), secret.substring(0, PREFIX.length() + 4),
                clock.instant(), by, null);
        keys.add(key);
        ring.reload();
        return new Issued(key, secret);
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return keys.all();
    }

    /** @throws UnknownKeyException when no working key has that name */
    public ApiKey revoke(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UnknownKeyException(name == null ? "" : com.segments.domain.TextLimits.echo(name));
        }
        if (!keys.revoke(name, clock.instant())) {
            throw new UnknownKeyException(name);
        }
        ring.reload();
        return keys.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FieldValidationException("name", "a key name is 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new FieldValidationException("name", "'" + name + "' is reserved; choose another name");
        }
    }
}
