package com.segments.application;

import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * At training time: profiles every segment of a new version, names them by the rules, carries hand-made names over
 * from the version it continues (through the segment alignment), and stores both.
 */
final class SegmentDescriber {

    private final SegmentCatalog catalog;
    private final NamingRules rules;

    SegmentDescriber(SegmentCatalog catalog, NamingRules rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /**
     * @param raw      the raw vectors (category levels are read from them)
     * @param original the raw vectors in original units with derived columns and gaps filled ({@code impute})
     */
    static List<SegmentProfile> profiles(TrainedModel model, DataMatrix raw, DataMatrix original, int[] labels) {
        FeatureSchema schema = model.schema();
        List<String> columns = model.originalColumns();
        boolean[] numeric = new boolean[columns.size()];
        List<Field> categories = new ArrayList<>();
        List<double[]> codes = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            Field field = j < schema.size() ? schema.fields().get(j) : null;
            numeric[j] = field == null || field.kind() == Field.Kind.NUMBER;
            if (field != null && field.kind() == Field.Kind.CATEGORY) {
                categories.add(field);
                codes.add(raw.column(j));
            }
        }
        return SegmentProfile.of(original, columns, numeric, categories, codes.toArray(double[][]::new), labels,
                model.segmentCount());
    }

    /** Profiles, names and stores; returns the labels. */
    List<SegmentLabel> describe(int version, TrainedModel model, DataMatrix raw, DataMatrix original, int[] labels) {
        return describe(version, model, profiles(model, raw, original, labels));
    }

    /** Names by the rules (carrying hand-made names over) and stores profiles computed elsewhere (on an engine). */
    List<SegmentLabel> describe(int version, TrainedModel model, List<SegmentProfile> profiles) {
        List<SegmentLabel> named = new ArrayList<>(rules.name(profiles));
        SegmentLineage lineage = model.lineage();
        if (lineage != null) {
            List<SegmentLabel> previous = catalog.labels(lineage.fromVersion());
            for (SegmentLineage.Link link : lineage.links()) {
                if (link.kind() != SegmentLineage.Kind.KEPT) {
                    continue;
                }
                int before = link.previous().getFirst();
                int now = link.current().getFirst();
                previous.stream().filter(l -> l.segment() == before && l.edited()).findFirst().ifPresent(edited ->
                        named.set(now, new SegmentLabel(now, edited.name(), edited.description(), edited.offers(), true)));
            }
            deduplicate(named);
        }
        catalog.saveProfiles(version, profiles);
        catalog.saveLabels(version, named);
        return List.copyOf(named);
    }

    /** A rule-given name that a carried-over hand-made name now uses gets a number, so names stay unique. */
    private static void deduplicate(List<SegmentLabel> labels) {
        Set<String> taken = new HashSet<>();
        labels.stream().filter(SegmentLabel::edited).forEach(l -> taken.add(l.name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < labels.size(); i++) {
            SegmentLabel label = labels.get(i);
            if (label.edited()) {
                continue;
            }
            String name = label.name();
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = label.name() + " (" + n + ")";
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            labels.set(i, new SegmentLabel(label.segment(), name, label.description(), label.offers(), false));
        }
    }
}
