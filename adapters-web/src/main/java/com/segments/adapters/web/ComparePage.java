package com.segments.adapters.web;

import com.segments.application.AlgorithmCatalog;
import com.segments.application.CompareAlgorithms;
import com.segments.application.ComparisonJobs;
import com.segments.domain.feature.DataMatrix;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compare: start a comparison of algorithms on a file of the server's data directory ({@code POST
 * /api/v1/comparisons}), follow it, and read its report: the ranking, the recommendation in words, silhouette and
 * the k-means elbow by k, stability per segment and a map of the recommended segmentation.
 */
@Controller("/console/compare")
@ExecuteOn(TaskExecutors.BLOCKING)
class ComparePage extends ConsolePage {

    private final ComparisonJobs comparisons;
    private final AlgorithmCatalog algorithms;
    private final JsonText json;

    ComparePage(ComparisonJobs comparisons, AlgorithmCatalog algorithms, JsonText json) {
        this.comparisons = comparisons;
        this.algorithms = algorithms;
        this.json = json;
    }

    record JobRow(String id, String state, String progress, String source, String error, boolean done) {
    }

    record Ranked(int rank, String label, String segments, String silhouette, String daviesBouldin,
                  String calinskiHarabasz, String noise, String stability, String seconds, String error) {
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> form() {
        return page("compare", "compare", "Compare algorithms", Map.of(
                "algorithms", algorithms.descriptors().stream().map(d -> d.id()).toList(),
                "jobs", comparisons.recent().stream().map(j -> new JobRow(j.id(), j.state().name(),
                        Text.percent(j.progress()), j.source(), j.error() == null ? "" : j.error(),
                        j.state() == ComparisonJobs.State.SUCCEEDED)).toList()));
    }

    @Get("/{id}")
    HttpResponse<ModelAndView<Map<String, Object>>> report(@PathVariable String id) {
        ComparisonJobs.Job job;
        try {
            job = comparisons.find(id);
        } catch (ComparisonJobs.UnknownComparison e) {
            return problem(HttpStatus.NOT_FOUND, "No such comparison", e.getMessage() + ". Start one on the Compare page.");
        }
        if (job.comparison() == null) {
            return problem(HttpStatus.CONFLICT, "No report yet", "This comparison is " + job.state().name().toLowerCase(Locale.ROOT)
                    + (job.error() == null ? "" : ": " + job.error()) + ". The Compare page follows it.");
        }
        CompareAlgorithms.Comparison c = job.comparison();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < c.outcomes().size(); i++) {
            ranked.add(ranked(i + 1, c.outcomes().get(i)));
        }
        return page("report", "compare", "Comparison on " + job.source(), Map.of(
                "job", job, "rows", Text.count(c.rows()), "features", c.features().size(),
                "ranked", ranked, "reasons", reasons(c.recommendation()),
                "chosen", c.recommendation().chosen().map(CompareAlgorithms.Outcome::shortLabel).orElse("none"),
                "chartsJson", json.write(charts(c)),
                "seconds", String.format(Locale.ROOT, "%.1f", c.elapsed().toMillis() / 1000.0)));
    }

    /** The rule's reasons in words: why it chose, its notes, and what it would not recommend and why. */
    private static List<String> reasons(CompareAlgorithms.Recommendation r) {
        List<String> reasons = new ArrayList<>();
        reasons.add(r.decision().why());
        reasons.addAll(r.decision().notes());
        r.decision().excluded().forEach(e -> reasons.add(e.label() + ": " + e.reason()));
        r.widerRange().ifPresent(wider -> reasons.add("The chosen k is the largest searched: try " + wider + "."));
        return reasons;
    }

    private static Ranked ranked(int rank, CompareAlgorithms.Outcome o) {
        if (o.failed()) {
            return new Ranked(rank, o.shortLabel(), "–", "–", "–", "–", "–", "–", "–", o.error());
        }
        var q = o.quality();
        return new Ranked(rank, o.shortLabel(), Integer.toString(q.segments()), fixed(q.silhouette(), 3),
                fixed(q.daviesBouldin(), 3), fixed(q.calinskiHarabasz(), 0), Text.percent(q.noiseFraction()),
                fixed(o.meanStability(), 2), fixed(o.fitTime().toMillis() / 1000.0, 2), "");
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    /** What the report's charts draw: silhouette and inertia by k, the chosen one's stability and its map. */
    private static Map<String, Object> charts(CompareAlgorithms.Comparison c) {
        Map<String, List<List<Double>>> silhouette = new LinkedHashMap<>();
        List<List<Double>> inertia = new ArrayList<>();
        for (CompareAlgorithms.Outcome o : c.outcomes()) {
            Integer k = o.candidate().parameters().get("k");
            if (o.failed() || k == null) {
                continue;
            }
            silhouette.computeIfAbsent(o.algorithm(), a -> new ArrayList<>()).add(List.of((double) k, o.quality().silhouette()));
            if ("kmeans".equals(o.algorithm())) {
                inertia.add(List.of((double) k, o.inertia()));
            }
        }
        silhouette.values().forEach(points -> points.sort((a, b) -> Double.compare(a.getFirst(), b.getFirst())));
        inertia.sort((a, b) -> Double.compare(a.getFirst(), b.getFirst()));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("silhouette", silhouette);
        charts.put("inertia", inertia);
        c.recommendation().chosen().ifPresent(chosen -> {
            charts.put("chosen", chosen.shortLabel());
            List<Double> jaccard = new ArrayList<>();
            if (chosen.stability() != null) {
                for (double j : chosen.stability().jaccard()) {
                    jaccard.add(j);
                }
            }
            charts.put("stability", jaccard);
            c.projection().ifPresent(plane -> charts.put("map", map(plane, c.projected(), chosen.labels())));
        });
        return charts;
    }

    private static List<List<Double>> map(DataMatrix plane, int[] rows, int[] labels) {
        List<List<Double>> points = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            points.add(List.of(Math.round(plane.get(i, 0) * 1e4) / 1e4, Math.round(plane.get(i, 1) * 1e4) / 1e4,
                    (double) labels[rows[i]]));
        }
        return points;
    }
}
