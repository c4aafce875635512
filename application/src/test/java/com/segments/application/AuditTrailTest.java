package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.audit.AuditEntry;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.audit.AuditOutcome;
import com.segments.domain.feature.FieldValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest {

    private final List<AuditEntry> kept = new ArrayList<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public void append(AuditEntry entry) {
            kept.add(entry);
        }

        @Override
        public List<AuditEntry> since(Instant from, int limit) {
            return kept.stream().filter(e -> !e.at().isBefore(from)).toList();
        }
    };
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final AuditTrail trail = new AuditTrail(log, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aChangeIsRecordedWithHowItEnded() {
        assertThat(trail.audited("cli:alice", "model.activate", "version 2", "local", () -> 2, v -> "active " + v)).isEqualTo(2);
        assertThatThrownBy(() -> trail.audited("cli:alice", "model.activate", "version 9", "local", () -> {
            throw new SegmentsException("no model version 9");
        }, v -> "")).hasMessage("no model version 9");
        assertThatThrownBy(() -> trail.audited("cli:alice", "model.rollback", "", "local", () -> {
            throw new IllegalStateException("java.sql.SQLException at org.h2...");
        }, v -> "")).isInstanceOf(IllegalStateException.class);
        assertThat(kept).containsExactly(
                new AuditEntry(now, "cli:alice", "model.activate", "version 2", AuditOutcome.OK, "active 2", "local"),
                new AuditEntry(now, "cli:alice", "model.activate", "version 9", AuditOutcome.FAILED, "no model version 9", "local"),
                new AuditEntry(now, "cli:alice", "model.rollback", "", AuditOutcome.FAILED, "failed unexpectedly", "local"));
    }

    @Test
    void aFailureToRecordDoesNotHideTheChangesOwnError() {
        AuditTrail broken = new AuditTrail(new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                throw new IllegalStateException("store down");
            }

            @Override
            public List<AuditEntry> since(Instant from, int limit) {
                return List.of();
            }
        }, Clock.systemUTC());
        assertThatThrownBy(() -> broken.audited("a", "train", "", "local", () -> {
            throw new SegmentsException("bad file");
        }, v -> "")).hasMessage("bad file").satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void sinceTakesADayOrAMomentAndNamesTheOptionOtherwise() {
        assertThat(AuditTrail.since("--since", "2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(AuditTrail.since("--since", "2026-03-01T10:15:30Z")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(AuditTrail.since("--since", null)).isEqualTo(Instant.EPOCH);
        for (String bad : new String[]{"yesterday", "2026-13-01", "01/03/2026", "2026-03-01T10:00"}) {
            assertThatThrownBy(() -> AuditTrail.since("--since", bad)).as(bad).isInstanceOf(FieldValidationException.class)
                    .hasMessageContaining("'--since'");
        }
        assertThatThrownBy(() -> trail.since(Instant.EPOCH, 0)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> trail.since(Instant.EPOCH, AuditTrail.MAX_READ + 1)).hasMessageContaining("'limit'");
    }
}
