package com.segments.adapters.web;

import com.segments.application.AlgorithmCatalog;
import com.segments.application.DescribeSegments;
import com.segments.application.DescribeVersions;
import com.segments.application.LiveDrift;
import com.segments.application.ModelLookup;
import com.segments.application.ModelReference;
import com.segments.application.RetrainModel;
import com.segments.domain.SegmentsException;
import com.segments.domain.drift.DriftReport;
import com.segments.domain.job.TrainingJob;
import com.segments.domain.model.TrainedModel;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry: every version with its status, metrics, aliases and lineage; activate, roll back and alias
 * (through the REST API, with the key); a retrain followed live; and one version set beside the one it continues.
 */
@Controller("/console/models")
@ExecuteOn(TaskExecutors.BLOCKING)
class ModelsPage extends ConsolePage {

    /** Versions listed with their models' details; older ones are left to the REST API and the CLI. */
    static final int LISTED = 30;

    private final DescribeVersions describeVersions;
    private final DescribeSegments describeSegments;
    private final RetrainModel retrainModel;
    private final AlgorithmCatalog algorithms;
    private final LiveDrift liveDrift;
    private final ModelLookup lookup;

    ModelsPage(DescribeVersions describeVersions, DescribeSegments describeSegments, RetrainModel retrainModel,
               AlgorithmCatalog algorithms, LiveDrift liveDrift, ModelLookup lookup) {
        this.describeVersions = describeVersions;
        this.describeSegments = describeSegments;
        this.retrainModel = retrainModel;
        this.algorithms = algorithms;
        this.liveDrift = liveDrift;
        this.lookup = lookup;
    }

    record JobRow(String id, String state, String progress, String stage, String source, String version, String error) {
        static JobRow of(TrainingJob job) {
            return new JobRow(job.id(), job.state().name(), Text.percent(job.progress()), job.stage() == null ? "" : job.stage(),
                    Text.source(job.source()), job.version() == null ? "" : Integer.toString(job.version()),
                    job.error() == null ? "" : job.error());
        }
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> models() {
        List<ModelRow> rows = describeVersions.recent(LISTED).stream()
                .map(v -> ModelRow.of(v.summary(), v.model().orElse(null))).toList();
        return page("models", "models", "Models", Map.of(
                "rows", rows,
                "jobs", retrainModel.recent(10).stream().map(JobRow::of).toList(),
                "algorithms", algorithms.descriptors().stream().map(d -> d.id()).toList()));
    }

    /** A segment of one version, for the side-by-side table. */
    record SegmentLine(int id, String name, String share) {
    }

    @Get("/{version}")
    HttpResponse<ModelAndView<Map<String, Object>>> model(@PathVariable String version) {
        if (!version.chars().allMatch(Character::isDigit) || version.isEmpty() || version.length() > 9) {
            return problem(HttpStatus.NOT_FOUND, "No such model version", "'" + version + "' is not a version number. "
                    + "The Models page lists them.");
        }
        DescribeVersions.Comparison comparison = describeVersions.compare(Integer.parseInt(version));
        DescribeVersions.Version shown = comparison.version();
        Optional<DescribeVersions.Version> baseline = comparison.baseline();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("row", row(shown));
        values.put("details", shown.model().map(ModelsPage::details).orElse(null));
        values.put("segments", segments(shown));
        values.put("base", baseline.map(ModelsPage::row).orElse(null));
        values.put("baseSegments", baseline.map(this::segments).orElse(List.of()));
        values.put("drift", shown.model().isPresent() ? drift(shown.summary().version()) : null);
        return page("model", "models", "Model version " + shown.summary().version(), values);
    }

    /** What predict has answered for the version lately against its training data, or why there is nothing to show. */
    private Map<String, Object> drift(int version) {
        Map<String, Object> drift = new java.util.HashMap<>();
        try {
            DriftReport report = liveDrift.report(lookup.resolve(new ModelReference(version, null))).report();
            drift.put("rows", Text.count(report.rows()));
            drift.put("verdict", report.verdict().word());
            drift.put("reasons", report.reasons());
            drift.put("fields", report.fields().stream().map(f -> Map.of("name", f.name(), "level", f.level().word(),
                    "psi", Double.isNaN(f.psi()) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", f.psi()),
                    "missingThen", Text.percent(f.referenceMissing()), "missingNow", Text.percent(f.currentMissing())))
                    .toList());
            drift.put("unavailable", null);
        } catch (SegmentsException e) {
            drift.put("unavailable", e.getMessage());
        }
        return drift;
    }

    private static ModelRow row(DescribeVersions.Version v) {
        return ModelRow.of(v.summary(), v.model().orElse(null));
    }

    private List<SegmentLine> segments(DescribeVersions.Version v) {
        if (v.model().isEmpty()) {
            return List.of();
        }
        return describeSegments.segments(new ModelReference(v.summary().version(), null)).segments().stream()
                .map(d -> new SegmentLine(d.label().segment(), d.label().name(),
                        d.profile() == null ? "–" : Text.percent(d.profile().share()))).toList();
    }

    private static Map<String, Object> details(TrainedModel model) {
        return Map.of(
                "seed", Long.toString(model.seed()),
                "features", String.join(", ", model.schema().features()),
                "groups", String.join(", ", model.schema().groupColumns()),
                "sha", model.fingerprint().sha256(),
                "libraries", model.libraryVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
