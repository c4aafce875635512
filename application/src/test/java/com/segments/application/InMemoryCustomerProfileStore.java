package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.SegmentMove;
import com.segments.domain.transaction.Transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The profile store in memory, for use-case tests: one lock for everything stands for the database's row locks. */
final class InMemoryCustomerProfileStore implements CustomerProfileStore {

    private final TreeMap<String, StoredProfile> profiles = new TreeMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<SegmentMove> moves = new ArrayList<>();
    private long latestDay = Long.MIN_VALUE;

    @Override
    public synchronized Recorded record(String transactionId, Transaction t, String source, Instant at, Change change) {
        StoredProfile before = profiles.getOrDefault(t.customer(),
                new StoredProfile(t.customer(), new CustomerActivity(), null, null, null, null, at, 0));
        String owner = owners.get(transactionId);
        if (owner != null) {
            if (!owner.equals(t.customer())) {
                throw new SegmentsException("transaction id '" + transactionId + "' was already used for another customer");
            }
            return new Recorded(before, true, before.segment());
        }
        // the change works on a copy, so a failing change leaves nothing behind, as a rolled-back transaction does
        StoredProfile copy = new StoredProfile(before.customer(), CustomerActivity.fromBytes(before.activity().toBytes()),
                before.segment(), before.version(), before.asOf(), before.changedAt(), before.updatedAt(), before.rowVersion());
        Outcome outcome = change.apply(copy, LocalDate.ofEpochDay(Math.max(latestDay, t.day())));
        owners.put(transactionId, t.customer());
        transactions.add(t);
        latestDay = Math.max(latestDay, t.day());
        StoredProfile after = write(before, outcome, at);
        if (after.segment() != null && !after.segment().equals(before.segment())) {
            moves.add(new SegmentMove(moves.size() + 1, t.customer(), before.segment(), after.segment(), after.version(),
                    at, SegmentMove.Cause.TRANSACTION));
        }
        return new Recorded(after, false, before.segment());
    }

    private StoredProfile write(StoredProfile before, Outcome outcome, Instant at) {
        boolean scored = outcome.segment() != null;
        boolean changed = scored && !outcome.segment().equals(before.segment());
        StoredProfile after = new StoredProfile(before.customer(), outcome.activity(),
                scored ? outcome.segment() : before.segment(), scored ? outcome.version() : before.version(),
                scored ? outcome.asOf() : before.asOf(), changed ? at : before.changedAt(), at, before.rowVersion() + 1);
        profiles.put(before.customer(), after);
        return after;
    }

    @Override
    public synchronized Optional<StoredProfile> find(String customer) {
        return Optional.ofNullable(profiles.get(customer));
    }

    @Override
    public synchronized Optional<LocalDate> latestDay() {
        return latestDay == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(latestDay));
    }

    @Override
    public synchronized List<SegmentMove> moves(Instant since, Integer to, int limit) {
        return moves.stream().filter(m -> !m.at().isBefore(since) && (to == null || m.to() == to)).limit(limit).toList();
    }

    @Override
    public synchronized List<StoredProfile> page(String after, int limit) {
        return profiles.tailMap(after, false).values().stream().limit(limit).toList();
    }

    /** How often {@link #scoredByOtherVersions} and {@link #scoredCount} were asked (a scan each in a database). */
    int scans;

    @Override
    public synchronized List<StoredProfile> scoredByOtherVersions(int version, int limit) {
        scans++;
        return profiles.values().stream().filter(p -> p.segment() != null && p.version() != version).limit(limit).toList();
    }

    @Override
    public synchronized ScoredCount scoredCount(int version) {
        scans++;
        return new ScoredCount(profiles.values().stream().filter(p -> p.segment() != null).count(),
                profiles.values().stream().filter(p -> p.segment() != null && p.version() == version).count());
    }

    @Override
    public synchronized boolean rescore(StoredProfile read, Outcome outcome, Instant at) {
        StoredProfile current = profiles.get(read.customer());
        if (current == null || current.rowVersion() != read.rowVersion()) {
            return false;
        }
        StoredProfile after = write(current, outcome, at);
        if (after.segment() != null && !after.segment().equals(read.segment())) {
            moves.add(new SegmentMove(moves.size() + 1, read.customer(), read.segment(), after.segment(), after.version(),
                    at, SegmentMove.Cause.MODEL));
        }
        return true;
    }

    synchronized List<Transaction> transactions() {
        return List.copyOf(transactions);
    }
}
