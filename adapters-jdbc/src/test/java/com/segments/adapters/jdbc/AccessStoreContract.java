package com.segments.adapters.jdbc;

import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyNameTaken;
import com.segments.domain.access.Role;
import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.audit.AuditOutcome;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the API-key and audit stores must do (migration V10); each database gets a subclass. */
abstract class AccessStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @TempDir
    Path home;

    private TestDatabases.Database database;
    private ApplicationContext context;
    private ApiKeyRepository keys;
    private AuditLog audit;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() {
        database = database();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("segments.home", home.toString());
        context = ApplicationContext.run(properties);
        keys = context.getBean(ApiKeyRepository.class);
        audit = context.getBean(AuditLog.class);
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    @Test
    void keysReadBackRevokeOnceAndNamesAreNeverReused() {
        ApiKey ops = new ApiKey("ops", Role.OPERATOR, "ab".repeat(32), "sgk_abcd", T0, "cli:alice", null);
        ApiKey ci = new ApiKey("ci.deploy-1", Role.ADMIN, "cd".repeat(32), "sgk_wxyz", T0.plusSeconds(5), "config", null);
        keys.add(ops);
        keys.add(ci);
        assertThat(keys.all()).containsExactly(ops, ci);

        assertThatThrownBy(() -> keys.add(new ApiKey("ops", Role.ADMIN, "ef".repeat(32), "sgk_efgh", T0, "x", null)))
                .isInstanceOf(KeyNameTaken.class).hasMessageContaining("'ops'");

        Instant revokedAt = T0.plusSeconds(60);
        assertThat(keys.revoke("ops", revokedAt)).isTrue();
        assertThat(keys.revoke("ops", revokedAt.plusSeconds(1))).as("already revoked").isFalse();
        assertThat(keys.revoke("nobody", revokedAt)).isFalse();
        assertThat(keys.all().getFirst().revokedAt()).isEqualTo(revokedAt);
        assertThat(keys.all().getFirst().active()).isFalse();
        assertThat(keys.all().get(1).active()).isTrue();
        assertThatThrownBy(() -> keys.add(new ApiKey("ops", Role.OPERATOR, "12".repeat(32), "sgk_1234", T0, "x", null)))
                .as("a revoked key's name stays taken").isInstanceOf(KeyNameTaken.class);
    }

    @Test
    void auditAnswersTheNewestEntriesSinceATimeOldestFirst() {
        for (int i = 0; i < 5; i++) {
            audit.append(new AuditEntry(T0.plusSeconds(i), "ops", "model.activate", "version " + i,
                    i == 3 ? AuditOutcome.FAILED : AuditOutcome.OK, "200", "127.0.0.1"));
        }
        List<AuditEntry> fromTwo = audit.since(T0.plusSeconds(2), 100);
        assertThat(fromTwo).extracting(AuditEntry::target).containsExactly("version 2", "version 3", "version 4");
        assertThat(fromTwo.get(1).outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(fromTwo.getFirst().at()).isEqualTo(T0.plusSeconds(2));
        assertThat(audit.since(Instant.EPOCH, 2)).extracting(AuditEntry::target).containsExactly("version 3", "version 4");
        assertThat(audit.since(T0.plusSeconds(10), 100)).isEmpty();
    }

    @Test
    void anAuditEntryCannotForgeALineOrOverflowAColumn() {
        audit.append(new AuditEntry(T0, "anonymous\nINFO forged", "api.access", "x".repeat(5_000), AuditOutcome.REFUSED,
                "\u202Egnorw", "10.0.0.1"));
        AuditEntry read = audit.since(Instant.EPOCH, 10).getFirst();
        assertThat(read.actor()).isEqualTo("anonymous\\u000AINFO forged");
        assertThat(read.target()).hasSize(AuditEntry.TARGET).endsWith("...");
        assertThat(read.detail()).isEqualTo("\\u202Egnorw");
    }
}
