package com.segments.adapters.web;

import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.TrainedModel;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One model version as the pages show it: lifecycle facts, metrics and lineage, already written as text.
 *
 * @param activatable whether "Activate" applies (a version with a model that is not active)
 * @param lineage     how its segments continue an earlier version's, in words; empty when it continues none
 */
record ModelRow(int version, String status, String statusReason, String algorithm, String parameters, int segments,
                String created, String triggeredBy, List<String> aliases, String silhouette, String daviesBouldin,
                String calinskiHarabasz, String noise, String stability, String source, String rows,
                boolean activatable, List<String> lineage, String lineageSummary) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** @param model the version's model, or null when it has none (TRAINING, FAILED) */
    static ModelRow of(ModelSummary summary, TrainedModel model) {
        ModelMetrics metrics = model == null ? null : model.metrics();
        boolean servable = model != null && summary.status() != ModelStatus.ACTIVE && summary.status() != ModelStatus.FAILED
                && summary.status() != ModelStatus.TRAINING;
        return new ModelRow(summary.version(), summary.status().name(), summary.statusReason(), summary.algorithm(),
                model == null ? "" : model.parameters().describe(), summary.segmentCount(),
                WHEN.format(summary.createdAt()), summary.triggeredBy(), summary.aliases(),
                metric(summary.silhouette(), "%.3f"), metrics == null ? "–" : metric(metrics.daviesBouldin(), "%.3f"),
                metrics == null ? "–" : metric(metrics.calinskiHarabasz(), "%.0f"),
                metrics == null ? "–" : Text.percent(metrics.noiseFraction()),
                metrics == null ? "–" : metric(metrics.meanStability(), "%.2f"), Text.source(summary.dataSource()),
                Text.count(summary.dataRows()), servable, model == null ? List.of() : lineage(model.lineage()),
                model == null ? "" : summary(model.lineage()));
    }

    private static String metric(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "–";
    }

    /** "kept 0 (0.97), 1 (0.95); 2 split into 2, 4; new 3" against version N. */
    static List<String> lineage(SegmentLineage lineage) {
        if (lineage == null) {
            return List.of();
        }
        return lineage.links().stream().map(link -> switch (link.kind()) {
            case KEPT -> String.format(Locale.ROOT, "segment %d continues %d of version %d (overlap %.2f)",
                    link.current().getFirst(), link.previous().getFirst(), lineage.fromVersion(), link.overlap());
            case SPLIT -> "segment " + ids(link.previous()) + " of version " + lineage.fromVersion() + " split into "
                    + ids(link.current());
            case MERGED -> "segments " + ids(link.previous()) + " of version " + lineage.fromVersion() + " merged into "
                    + ids(link.current());
            case NEW -> "segment " + ids(link.current()) + " is new";
            case VANISHED -> "segment " + ids(link.previous()) + " of version " + lineage.fromVersion() + " vanished";
        }).toList();
    }

    /** "from version 1: 4 kept, 1 new", for a list. */
    static String summary(SegmentLineage lineage) {
        if (lineage == null) {
            return "";
        }
        Map<SegmentLineage.Kind, Long> counts = new EnumMap<>(SegmentLineage.Kind.class);
        lineage.links().forEach(link -> counts.merge(link.kind(), 1L, Long::sum));
        return "from version " + lineage.fromVersion() + ": " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
