package com.segments.domain.lineage;

import java.util.List;

/**
 * How a version's segments relate to those of the version it was aligned to.
 *
 * @param fromVersion the version aligned to
 * @param links       one entry per relation found
 */
public record SegmentLineage(int fromVersion, List<Link> links) {

    public SegmentLineage {
        links = List.copyOf(links);
    }

    public enum Kind {
        /** The segment carries on under the same id. */
        KEPT,
        /** A previous segment's members now fill several segments. */
        SPLIT,
        /** Several previous segments now share one segment. */
        MERGED,
        /** A segment with no predecessor. */
        NEW,
        /** A previous segment with no successor. */
        VANISHED
    }

    /**
     * @param kind     the relation
     * @param previous ids in the earlier version
     * @param current  ids in this version
     * @param overlap  Jaccard overlap of the members involved (for KEPT: of the pair)
     */
    public record Link(Kind kind, List<Integer> previous, List<Integer> current, double overlap) {
        public Link {
            previous = List.copyOf(previous);
            current = List.copyOf(current);
        }
    }

    public List<Link> of(Kind kind) {
        return links.stream().filter(l -> l.kind() == kind).toList();
    }
}
