package com.segments.application;

import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Segment profiles and labels in memory, for use-case tests. */
class InMemorySegmentCatalog implements SegmentCatalog {

    private final Map<Integer, List<SegmentProfile>> profiles = new HashMap<>();
    private final Map<Integer, Map<Integer, SegmentLabel>> labels = new HashMap<>();

    @Override
    public synchronized void saveProfiles(int version, List<SegmentProfile> list) {
        profiles.put(version, List.copyOf(list));
    }

    @Override
    public synchronized List<SegmentProfile> profiles(int version) {
        return profiles.getOrDefault(version, List.of());
    }

    @Override
    public synchronized void saveLabels(int version, List<SegmentLabel> list) {
        Map<Integer, SegmentLabel> byId = labels.computeIfAbsent(version, v -> new TreeMap<>());
        list.forEach(l -> byId.put(l.segment(), l));
    }

    @Override
    public synchronized List<SegmentLabel> labels(int version) {
        return labels.getOrDefault(version, Map.of()).values().stream()
                .sorted(Comparator.comparingInt(SegmentLabel::segment)).toList();
    }
}
