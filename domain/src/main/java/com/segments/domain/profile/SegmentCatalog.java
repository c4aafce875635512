package com.segments.domain.profile;

import java.util.List;

/**
 * The storage port for what each model version's segments are (profiles, computed once at training) and what they
 * are called (names, descriptions, offers; editable by hand).
 */
public interface SegmentCatalog {

    void saveProfiles(int version, List<SegmentProfile> profiles);

    /** The profiles of a version, empty when none were stored (versions trained before profiles existed). */
    List<SegmentProfile> profiles(int version);

    /** Stores labels, replacing those of the same segments. */
    void saveLabels(int version, List<SegmentLabel> labels);

    /** The labels of a version, in segment order; empty when none were stored. */
    List<SegmentLabel> labels(int version);
}
