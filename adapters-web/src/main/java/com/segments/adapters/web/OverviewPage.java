package com.segments.adapters.web;

import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.application.ShowModel;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.LevelProfile;
import com.segments.domain.profile.SegmentProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/** The segments of the active (or a named) version: cards, a chart of their shares, and a map of the customers. */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewPage extends ConsolePage {

    private final DescribeSegments describeSegments;
    private final ShowModel showModel;
    private final JsonText json;

    OverviewPage(DescribeSegments describeSegments, ShowModel showModel, JsonText json) {
        this.describeSegments = describeSegments;
        this.showModel = showModel;
        this.json = json;
    }

    /** One segment as a card shows it. */
    record Card(int id, String name, String description, List<String> offers, String size, String share,
                List<String> distinguishing, List<String> overRepresented, boolean namedByHand) {
    }

    /** @param model a version or alias; the active version when absent */
    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> overview(@Nullable @QueryValue String model) {
        ModelReference reference = ModelReference.parse(model);
        DescribeSegments.Segments segments = describeSegments.segments(reference);
        ShowModel.Shown shown = showModel.show(new ModelReference(segments.version(), null));
        List<Card> cards = segments.segments().stream().map(OverviewPage::card).toList();
        List<Map<String, Object>> shares = segments.segments().stream().map(d -> Map.<String, Object>of(
                "id", d.label().segment(), "name", d.label().name(),
                "share", d.profile() == null ? 0 : d.profile().share())).toList();
        return page("overview", "overview", "Segments of version " + segments.version(), Map.of(
                "version", segments.version(),
                "explicit", reference != ModelReference.ACTIVE,
                "summary", ModelRow.of(shown.summary(), shown.version() == null ? null : shown.version().model()),
                "cards", cards,
                "sharesJson", json.write(shares),
                "projectionUrl", "/console/data/projection?model=" + segments.version()));
    }

    private static Card card(DescribeSegments.Described described) {
        SegmentProfile profile = described.profile();
        var label = described.label();
        return new Card(label.segment(), label.name(), label.description(), label.offers(),
                profile == null ? "–" : Text.count(profile.size()), profile == null ? "–" : Text.percent(profile.share()),
                profile == null ? List.of() : profile.distinguishing(3).stream().map(FeatureProfile::describe).toList(),
                profile == null ? List.of() : profile.overRepresented().stream().limit(3).map(OverviewPage::level).toList(),
                label.edited());
    }

    static String level(LevelProfile level) {
        return level.feature() + " = " + level.level() + " (" + Text.percent(level.share()) + " against "
                + Text.percent(level.populationShare()) + " overall)";
    }
}
