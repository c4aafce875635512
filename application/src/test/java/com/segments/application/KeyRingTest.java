package com.segments.application;

import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.access.KeyNameTaken;
import com.segments.domain.access.Role;
import com.segments.domain.access.UnknownKeyException;
import com.segments.domain.feature.FieldValidationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys made, found by the key alone, revoked; the configured key as an admin named "config". */
class KeyRingTest {

    /** Keys in memory, with the store's rules (names never reused, revoke once). */
    static final class InMemoryApiKeys implements ApiKeyRepository {
        final List<ApiKey> keys = new ArrayList<>();
        int reads;

        @Override
        public void add(ApiKey key) {
            if (keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
                throw new KeyNameTaken(key.name());
            }
            keys.add(key);
        }

        @Override
        public List<ApiKey> all() {
            reads++;
            return List.copyOf(keys);
        }

        @Override
        public boolean revoke(String name, Instant at) {
            for (int i = 0; i < keys.size(); i++) {
                ApiKey k = keys.get(i);
                if (k.name().equals(name) && k.active()) {
                    keys.set(i, new ApiKey(k.name(), k.role(), k.hash(), k.hint(), k.createdAt(), k.createdBy(), at));
                    return true;
                }
            }
            return false;
        }
    }

    /** A keyed hash for tests: SHA-256 of a fixed prefix and the key. */
    static final KeyHasher HASHER = key -> {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("pepper:" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    private final InMemoryApiKeys store = new InMemoryApiKeys();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aKeyIsStoredOnlyAsItsHashAndFoundByItselfWithItsRole() {
        KeyRing ring = new KeyRing(store, HASHER, "");
        ManageApiKeys keys = new ManageApiKeys(store, HASHER, ring, clock);
        assertThat(ring.anyKey()).isFalse();
        ManageApiKeys.Issued ops = keys.add("ops", Role.OPERATOR, "cli:alice");
        assertThat(ops.secret()).startsWith("sgk_").hasSize(47);
        assertThat(ops.toString()).doesNotContain(ops.secret());
        ApiKey stored = store.keys.getFirst();
        assertThat(stored.hash()).isEqualTo(HASHER.hash(ops.secret())).doesNotContain(ops.secret().substring(4));
        assertThat(stored.hint()).isEqualTo(ops.secret().substring(0, 8));
        assertThat(stored.createdBy()).isEqualTo("cli:alice");

        assertThat(ring.identify(ops.secret())).contains(new KeyRing.Principal("ops", Role.OPERATOR));
        assertThat(ring.identify(" " + ops.secret() + " ")).as("surrounding blanks").isPresent();
        assertThat(ring.identify(ops.secret() + "x")).isEmpty();
        assertThat(ring.identify(ops.secret().substring(0, 46))).isEmpty();
        assertThat(ring.identify("")).isEmpty();
        assertThat(ring.identify("x".repeat(KeyRing.MAX_KEY_LENGTH + 1))).isEmpty();
        assertThat(keys.add("ops2", Role.OPERATOR, "x").secret()).as("random").isNotEqualTo(ops.secret());
    }

    @Test
    void theConfiguredKeyIsAnAdminNamedConfigAndItsNameIsReserved() {
        KeyRing ring = new KeyRing(store, HASHER, " from-config ");
        assertThat(ring.anyKey()).isTrue();
        assertThat(ring.identify("from-config")).contains(new KeyRing.Principal("config", Role.ADMIN));
        ManageApiKeys keys = new ManageApiKeys(store, HASHER, ring, clock);
        for (String reserved : new String[]{"config", "Anonymous"}) {
            assertThatThrownBy(() -> keys.add(reserved, Role.ADMIN, "x")).isInstanceOf(FieldValidationException.class)
                    .hasMessageContaining("reserved");
        }
        for (String bad : new String[]{"", "-x", "a b", "a:b", "x".repeat(65), "ключ", "a\u202Eb"}) {
            assertThatThrownBy(() -> keys.add(bad, Role.ADMIN, "x")).as(bad).isInstanceOf(FieldValidationException.class);
        }
    }

    @Test
    void aRevokedKeyStopsAtOnceInThisProcessAndItsNameStaysTaken() {
        KeyRing ring = new KeyRing(store, HASHER, "");
        ManageApiKeys keys = new ManageApiKeys(store, HASHER, ring, clock);
        String secret = keys.add("ci", Role.ADMIN, "x").secret();
        assertThat(ring.identify(secret)).isPresent();
        assertThat(keys.revoke("ci").revokedAt()).isEqualTo(clock.instant());
        assertThat(ring.identify(secret)).isEmpty();
        assertThatThrownBy(() -> keys.revoke("ci")).isInstanceOf(UnknownKeyException.class);
        assertThatThrownBy(() -> keys.add("ci", Role.ADMIN, "x")).isInstanceOf(KeyNameTaken.class);
    }

    @Test
    void keysMadeElsewhereAreSeenOnRefreshAndACommandThatNeverChecksAKeyNeverReadsThem() {
        KeyRing ring = new KeyRing(store, HASHER, "");
        new ManageApiKeys(store, HASHER, ring, clock).add("early", Role.ADMIN, "x");
        assertThat(store.reads).as("reload before any check reads nothing").isZero();

        KeyRing server = new KeyRing(store, HASHER, "");
        assertThat(server.anyKey()).isTrue();
        String later = new ManageApiKeys(store, HASHER, new KeyRing(store, HASHER, ""), clock)
                .add("later", Role.OPERATOR, "x").secret();
        assertThat(server.identify(later)).as("another process's key, before a refresh").isEmpty();
        server.refresh();
        assertThat(server.identify(later)).contains(new KeyRing.Principal("later", Role.OPERATOR));
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.allows(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.PREDICT_ONLY)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.ADMIN)).isFalse();
        assertThat(Role.PREDICT_ONLY.allows(Role.OPERATOR)).isFalse();
        assertThat(Role.parse("role", " Operator ")).isEqualTo(Role.OPERATOR);
        assertThatThrownBy(() -> Role.parse("role", "root")).hasMessageContaining("predict-only, operator, admin");
    }
}
