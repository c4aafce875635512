package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.TextLimits;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;

import java.util.ArrayList;
import java.util.List;

/** The segments of a version, described (profiles, names, offers), and hand edits of names, descriptions and offers. */
public final class DescribeSegments {

    private final ModelLookup lookup;
    private final SegmentCatalog catalog;
    private final SegmentNames names;

    public DescribeSegments(ModelLookup lookup, SegmentCatalog catalog, SegmentNames names) {
        this.lookup = lookup;
        this.catalog = catalog;
        this.names = names;
    }

    /** One segment: its profile (null for versions trained before profiles existed) and its label. */
    public record Described(SegmentProfile profile, SegmentLabel label) {
    }

    public record Segments(int version, List<Described> segments) {
    }

    public Segments segments(ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        List<SegmentProfile> profiles = catalog.profiles(version.version());
        List<SegmentLabel> labels = catalog.labels(version.version());
        List<Described> described = new ArrayList<>();
        for (int s = 0; s < version.model().segmentCount(); s++) {
            int id = s;
            SegmentProfile profile = profiles.stream().filter(p -> p.segment() == id).findFirst().orElse(null);
            SegmentLabel label = labels.stream().filter(l -> l.segment() == id).findFirst()
                    .orElse(new SegmentLabel(id, "Segment " + id + " (not named: trained before names existed)", "",
                            List.of(), false));
            described.add(new Described(profile, label));
        }
        return new Segments(version.version(), described);
    }

    /**
     * Changes what a segment is called or offered; null leaves a part as it is. The label is marked as edited by
     * hand, so a retrain that continues the segment keeps it.
     *
     * @throws SegmentsException for an unknown segment, a blank name, or a name another segment has
     */
    public SegmentLabel edit(ModelReference reference, int segment, String name, String description, List<String> offers) {
        TextLimits.line("name", name, TextLimits.NAME);
        TextLimits.paragraph("description", description, TextLimits.DESCRIPTION);
        if (offers != null) {
            TextLimits.lines("offers", offers, TextLimits.OFFERS, TextLimits.OFFER);
        }
        Segments current = segments(reference);
        if (segment < 0 || segment >= current.segments().size()) {
            throw new SegmentsException("model version " + current.version() + " has segments 0 to "
                    + (current.segments().size() - 1) + "; there is no segment " + segment);
        }
        SegmentLabel before = current.segments().get(segment).label();
        String newName = name == null ? before.name() : name.strip();
        if (newName.isEmpty()) {
            throw new SegmentsException("a segment name cannot be blank");
        }
        for (Described other : current.segments()) {
            if (other.label().segment() != segment && other.label().name().equalsIgnoreCase(newName)) {
                throw new SegmentsException("segment " + other.label().segment() + " of model version " + current.version()
                        + " is already called '" + other.label().name() + "'; names must be unique");
            }
        }
        SegmentLabel after = new SegmentLabel(segment, newName, description == null ? before.description() : description,
                offers == null ? before.offers() : offers.stream().map(o -> o.strip()).filter(o -> !o.isEmpty()).toList(), true);
        catalog.saveLabels(current.version(), List.of(after));
        names.forget(current.version());
        return after;
    }
}
