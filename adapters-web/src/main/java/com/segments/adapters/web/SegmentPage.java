package com.segments.adapters.web;

import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.SegmentProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/**
 * One segment: its profile against the population for every feature, the categories it over-represents, and the
 * form that renames it or edits its description and offers (sent to {@code PUT /api/v1/segments/{id}}).
 */
@Controller("/console/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
class SegmentPage extends ConsolePage {

    private final DescribeSegments describeSegments;
    private final JsonText json;

    SegmentPage(DescribeSegments describeSegments, JsonText json) {
        this.describeSegments = describeSegments;
        this.json = json;
    }

    record FeatureRow(String feature, String mean, String populationMean, String median, String populationMedian,
                      String difference) {
    }

    record LevelRow(String feature, String level, String share, String populationShare, String lift) {
    }

    @Get("/{id}")
    HttpResponse<ModelAndView<Map<String, Object>>> segment(@PathVariable String id, @Nullable @QueryValue String model) {
        DescribeSegments.Segments segments = describeSegments.segments(ModelReference.parse(model));
        int wanted = id.chars().allMatch(Character::isDigit) && id.length() < 4 ? Integer.parseInt(id) : -1;
        if (wanted < 0 || wanted >= segments.segments().size()) {
            return problem(HttpStatus.NOT_FOUND, "No such segment", "Model version " + segments.version() + " has segments 0 to "
                    + (segments.segments().size() - 1) + "; there is no segment '" + id + "'.");
        }
        DescribeSegments.Described described = segments.segments().get(wanted);
        SegmentProfile profile = described.profile();
        List<FeatureProfile> features = profile == null ? List.of() : profile.features();
        return page("segment", "overview", described.label().name(), Map.of(
                "version", segments.version(),
                "label", described.label(),
                "size", profile == null ? "–" : Text.count(profile.size()),
                "share", profile == null ? "–" : Text.percent(profile.share()),
                "features", features.stream().map(SegmentPage::row).toList(),
                "levels", profile == null ? List.of() : profile.overRepresented().stream().map(l -> new LevelRow(l.feature(),
                        l.level(), Text.percent(l.share()), Text.percent(l.populationShare()),
                        Double.isFinite(l.lift()) ? String.format(java.util.Locale.ROOT, "%.1f×", l.lift()) : "new")).toList(),
                "barsJson", json.write(features.stream().filter(f -> Double.isFinite(f.standardisedDifference()))
                        .map(f -> Map.of("feature", f.feature(), "z", Math.round(f.standardisedDifference() * 1000) / 1000.0))
                        .toList()),
                "offersText", String.join("\n", described.label().offers())));
    }

    private static FeatureRow row(FeatureProfile f) {
        return new FeatureRow(f.feature(), Text.number(f.mean()), Text.number(f.populationMean()), Text.number(f.median()),
                Text.number(f.populationMedian()), Double.isFinite(f.standardisedDifference())
                ? String.format(java.util.Locale.ROOT, "%+.2f", f.standardisedDifference()) : "–");
    }
}
