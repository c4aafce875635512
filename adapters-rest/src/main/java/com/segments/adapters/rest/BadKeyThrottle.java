package com.segments.adapters.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing: after {@code allowed} wrong keys from one address, each one less than {@code window} after
 * the last, that address is refused (429 with Retry-After) without its key being looked at, for 1 s, then 2 s,
 * 4 s, ... up to {@code maxDelay} at each further wrong key. Only a quiet {@code window} after the last wrong key
 * (and after the last block ends) starts the count afresh; a working key does not, or one valid low-role key
 * sent between guesses would let an address guess an admin key at full speed. At most {@code maxAddresses} addresses are remembered (the least recently seen are forgotten
 * first), so a flood of addresses costs bounded memory.
 */
final class BadKeyThrottle {

    private static final class Record {
        int failures;
        Instant last;
        Instant blockedUntil = Instant.MIN;
    }

    private final int allowed;
    private final Duration window;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Record> byAddress;

    BadKeyThrottle(int allowed, Duration window, Duration maxDelay, int maxAddresses, Clock clock) {
        if (allowed < 1 || window.isNegative() || window.isZero() || maxDelay.isNegative() || maxDelay.isZero()
                || maxAddresses < 1) {
            throw new IllegalArgumentException("segments.api.bad-keys: allowed and max-addresses must be at least 1, "
                    + "window and max-delay positive");
        }
        this.allowed = allowed;
        this.window = window;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Seconds this address must still wait (rounded up), or 0 when its key may be checked. */
    synchronized long retryAfter(String address) {
        Record r = byAddress.get(address);
        if (r == null) {
            return 0;
        }
        Instant now = clock.instant();
        return now.isBefore(r.blockedUntil) ? seconds(Duration.between(now, r.blockedUntil)) : 0;
    }

    /** A wrong key from this address; answers how many seconds it is now blocked for (0: not yet). */
    synchronized long failed(String address) {
        Instant now = clock.instant();
        Record r = byAddress.computeIfAbsent(address, a -> new Record());
        Instant quietSince = r.last == null || r.blockedUntil.isAfter(r.last) ? r.blockedUntil : r.last;
        if (r.last != null && Duration.between(quietSince, now).compareTo(window) > 0) {
            r.failures = 0;
        }
        r.failures++;
        r.last = now;
        if (r.failures <= allowed) {
            return 0;
        }
        int doublings = Math.min(r.failures - allowed - 1, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        r.blockedUntil = now.plus(delay);
        return seconds(delay);
    }

    synchronized int remembered() {
        return byAddress.size();
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
