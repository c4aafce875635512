package com.segments.application;

import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names and offers predictions carry, read from the catalog and kept in memory: re-read at most every few
 * seconds (so an edit made by another process shows up), and still served from memory when the database is down.
 */
public final class SegmentNames {

    private static final long FRESH_NANOS = 5_000_000_000L;

    private final SegmentCatalog catalog;
    private final Map<Integer, Loaded> byVersion = new ConcurrentHashMap<>();

    private record Loaded(long at, List<SegmentLabel> labels) {
    }

    public SegmentNames(SegmentCatalog catalog) {
        this.catalog = catalog;
    }

    public Optional<SegmentLabel> label(int version, int segment) {
        List<SegmentLabel> labels = labels(version);
        return segment >= 0 && segment < labels.size() && labels.get(segment).segment() == segment
                ? Optional.of(labels.get(segment)) : labels.stream().filter(l -> l.segment() == segment).findFirst();
    }

    /** Each segment's name by id, 0 to {@code k - 1}; "Segment N" for one that has none. */
    public List<String> names(int version, int k) {
        List<String> names = new java.util.ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            names.add(label(version, s).map(SegmentLabel::name).orElse("Segment " + s));
        }
        return names;
    }

    public List<SegmentLabel> labels(int version) {
        Loaded loaded = byVersion.get(version);
        long now = System.nanoTime();
        if (loaded == null || now - loaded.at() > FRESH_NANOS) {
            try {
                loaded = new Loaded(now, catalog.labels(version));
            } catch (RuntimeException e) {
                // The store is away: keep what is known (nothing, the first time) and try again only when that is
                // stale again, so predictions do not wait on the database at every request.
                loaded = new Loaded(now, loaded == null ? List.of() : loaded.labels());
            }
            byVersion.put(version, loaded);
        }
        return loaded.labels();
    }

    /** Forgets what was read of a version (after an edit in this process). */
    void forget(int version) {
        byVersion.remove(version);
    }
}
