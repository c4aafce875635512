package com.segments.adapters.rest;

import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.domain.TextLimits;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.LevelProfile;
import com.segments.domain.profile.SegmentLabel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The segments of a model version, in business terms: profiles, names, offers; names and offers editable. */
@Controller("/api/v1/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SegmentsController {

    private final DescribeSegments describeSegments;

    SegmentsController(DescribeSegments describeSegments) {
        this.describeSegments = describeSegments;
    }

    @Serdeable
    public record FeatureResponse(String feature, @Nullable Double mean, @Nullable Double median,
                                  @Nullable Double populationMean, @Nullable Double populationMedian,
                                  @Nullable Double standardisedDifference) {
        static FeatureResponse of(FeatureProfile f) {
            return new FeatureResponse(f.feature(), n(f.mean()), n(f.median()), n(f.populationMean()),
                    n(f.populationMedian()), n(f.standardisedDifference()));
        }
    }

    @Serdeable
    public record LevelResponse(String feature, String level, double share, double populationShare) {
        static LevelResponse of(LevelProfile l) {
            return new LevelResponse(l.feature(), l.level(), l.share(), l.populationShare());
        }
    }

    /**
     * @param distinguishing the features that most set the segment apart, in words, strongest first
     * @param features       every numeric feature against the population (original units)
     * @param overRepresented categorical levels much more common in the segment than overall
     */
    @Serdeable
    public record SegmentResponse(int id, String name, String description, List<String> offers, boolean namedByHand,
                                  @Nullable Long size, @Nullable Double share, List<String> distinguishing,
                                  List<FeatureResponse> features, List<LevelResponse> overRepresented) {
    }

    @Serdeable
    public record SegmentsResponse(int modelVersion, List<SegmentResponse> segments) {
    }

    /**
     * A change to a segment's label; absent parts stay as they are.
     *
     * @param name        a new name, unique in the version
     * @param description a new description
     * @param offers      the offers, replacing the current ones
     */
    @Serdeable
    public record SegmentEdit(@Nullable String name, @Nullable String description, @Nullable List<String> offers) {
    }

    /** @param model a version or alias; the active version when absent */
    @Get(produces = MediaType.APPLICATION_JSON)
    public SegmentsResponse segments(@Nullable @QueryValue String model) {
        DescribeSegments.Segments segments = describeSegments.segments(ModelReference.parse(model));
        return new SegmentsResponse(segments.version(), segments.segments().stream().map(d -> {
            SegmentLabel label = d.label();
            var profile = d.profile();
            return new SegmentResponse(label.segment(), label.name(), label.description(), label.offers(), label.edited(),
                    profile == null ? null : profile.size(), profile == null ? null : profile.share(),
                    profile == null ? List.of() : profile.distinguishing(5).stream().map(FeatureProfile::describe).toList(),
                    profile == null ? List.of() : profile.features().stream().map(FeatureResponse::of).toList(),
                    profile == null ? List.of() : profile.overRepresented().stream().map(LevelResponse::of).toList());
        }).toList());
    }

    /** Renames a segment or edits its description and offers (needs the API key); the name survives retraining. */
    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public SegmentLabelResponse edit(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SegmentEdit.class)))
            @Nullable @Body String body,
                                     @Nullable @QueryValue String model) {
        if (id.isEmpty() || id.length() > 6 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FieldValidationException("id", "\"" + TextLimits.echo(id) + "\" is not a segment id (0, 1, 2, ...)");
        }
        StrictJson.Fields edit = StrictJson.object(body, "one JSON object, {\"name\": ..., \"description\": ..., \"offers\": [...]}")
                .only(java.util.Set.of("name", "description", "offers"));
        SegmentLabel label = describeSegments.edit(ModelReference.parse(model), Integer.parseInt(id),
                edit.text("name", TextLimits.NAME), edit.paragraph("description", TextLimits.DESCRIPTION),
                edit.texts("offers", TextLimits.OFFERS, TextLimits.OFFER));
        return new SegmentLabelResponse(label.segment(), label.name(), label.description(), label.offers(), label.edited());
    }

    @Serdeable
    public record SegmentLabelResponse(int id, String name, String description, List<String> offers, boolean namedByHand) {
    }

    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
