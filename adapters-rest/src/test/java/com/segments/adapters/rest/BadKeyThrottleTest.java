package com.segments.adapters.rest;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadKeyThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void afterTheAllowedWrongKeysEachOneDoublesTheWaitUpToTheMaximum() {
        BadKeyThrottle throttle = new BadKeyThrottle(3, Duration.ofMinutes(1), Duration.ofSeconds(10), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("10.0.0.1")).isZero();
            assertThat(throttle.retryAfter("10.0.0.1")).isZero();
        }
        long[] waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = throttle.failed("10.0.0.1");
            assertThat(throttle.retryAfter("10.0.0.1")).isEqualTo(waits[i]);
            assertThat(throttle.retryAfter("10.0.0.2")).as("another address").isZero();
            clock.advance(Duration.ofSeconds(waits[i]));
            assertThat(throttle.retryAfter("10.0.0.1")).as("the wait is over").isZero();
        }
        assertThat(waits).containsExactly(1, 2, 4, 8, 10, 10);
    }

    @Test
    void onlyAQuietWindowAfterTheLastBlockStartsAfresh() {
        BadKeyThrottle throttle = new BadKeyThrottle(2, Duration.ofSeconds(60), Duration.ofMinutes(15), 100, clock);
        throttle.failed("a");
        throttle.failed("a");
        assertThat(throttle.failed("a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.failed("a")).as("within the window: the count goes on").isEqualTo(2);
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.failed("a")).as("61 s after the last wrong key, but only 59 s after its 2 s block ended")
                .isEqualTo(4);
        clock.advance(Duration.ofSeconds(4 + 61));
        assertThat(throttle.failed("a")).as("a quiet window after the block: afresh").isZero();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeenAddress() {
        BadKeyThrottle throttle = new BadKeyThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 3, clock);
        throttle.failed("a");
        assertThat(throttle.failed("a")).isEqualTo(1);
        for (String other : new String[]{"b", "c", "d"}) {
            throttle.failed(other);
        }
        assertThat(throttle.remembered()).isEqualTo(3);
        assertThat(throttle.retryAfter("a")).as("forgotten").isZero();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new BadKeyThrottle(0, Duration.ofMinutes(1), Duration.ofMinutes(1), 3, clock))
                .hasMessageContaining("segments.api.bad-keys");
        assertThatThrownBy(() -> new BadKeyThrottle(1, Duration.ZERO, Duration.ofMinutes(1), 3, clock))
                .hasMessageContaining("segments.api.bad-keys");
    }
}
