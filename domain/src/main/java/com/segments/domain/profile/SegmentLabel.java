package com.segments.domain.profile;

import java.util.List;
import java.util.Objects;

/**
 * What people call a segment and what to do with its customers.
 *
 * @param name        unique within a model version, readable, never "Cluster 3"
 * @param description what distinguishes it, in words
 * @param offers      next best actions for its customers
 * @param edited      set by hand (kept across retraining where the segment continues), not by the rules
 */
public record SegmentLabel(int segment, String name, String description, List<String> offers, boolean edited) {

    public SegmentLabel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a segment name cannot be blank");
        }
        name = name.strip();
        description = description == null ? "" : description.strip();
        offers = List.copyOf(offers);
    }
}
