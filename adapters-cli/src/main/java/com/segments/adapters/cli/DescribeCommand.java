package com.segments.adapters.cli;

import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.LevelProfile;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Describe the segments of a model version: name, size, what distinguishes each (features against "
                + "the population, over-represented categories) and offers."})
class DescribeCommand implements Runnable {

    @Inject
    DescribeSegments describeSegments;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3", description = "distinguishing features per segment (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print the segments as JSON (every feature's profile)")
    boolean json;

    @Override
    public void run() {
        DescribeSegments.Segments segments = describeSegments.segments(ModelReference.parse(model));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(segments)));
        } else {
            out.printf("Model version %d: %d segments%n", segments.version(), segments.segments().size());
            for (DescribeSegments.Described d : segments.segments()) {
                SegmentLabel label = d.label();
                SegmentProfile profile = d.profile();
                out.printf("%n%d  %s%s%n", label.segment(), label.name(), label.edited() ? "  (named by hand)" : "");
                if (profile != null) {
                    out.printf("   %s customers (%s)%n", Numbers.count(profile.size()), Numbers.percent(profile.share()));
                }
                if (!label.description().isEmpty()) {
                    out.printf("   %s%n", label.description());
                }
                if (profile != null) {
                    for (FeatureProfile f : profile.distinguishing(top)) {
                        out.printf("   %s %s%n", f.standardisedDifference() >= 0 ? "▲" : "▼", f.describe());
                    }
                    for (LevelProfile level : profile.overRepresented()) {
                        out.printf(Locale.ROOT, "   ■ %s = %s: %.0f%% of the segment, %.0f%% overall%n", level.feature(),
                                level.level(), 100 * level.share(), 100 * level.populationShare());
                    }
                }
                if (!label.offers().isEmpty()) {
                    out.printf("   offers: %s%n", String.join("; ", label.offers()));
                }
            }
        }
        out.flush();
    }

    static Map<String, Object> toJson(DescribeSegments.Segments segments) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", segments.version());
        json.put("segments", segments.segments().stream().map(DescribeCommand::segment).toList());
        return json;
    }

    private static Map<String, Object> segment(DescribeSegments.Described d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", d.label().segment());
        s.put("name", d.label().name());
        s.put("description", d.label().description());
        s.put("offers", d.label().offers());
        s.put("namedByHand", d.label().edited());
        if (d.profile() != null) {
            s.put("size", d.profile().size());
            s.put("share", d.profile().share());
            s.put("distinguishing", d.profile().distinguishing(5).stream().map(FeatureProfile::describe).toList());
            s.put("features", d.profile().features().stream().map(f -> {
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("feature", f.feature());
                feature.put("mean", TrainCommand.nullIfNaN(f.mean()));
                feature.put("median", TrainCommand.nullIfNaN(f.median()));
                feature.put("populationMean", TrainCommand.nullIfNaN(f.populationMean()));
                feature.put("populationMedian", TrainCommand.nullIfNaN(f.populationMedian()));
                feature.put("standardisedDifference", TrainCommand.nullIfNaN(f.standardisedDifference()));
                return feature;
            }).toList());
            s.put("overRepresented", d.profile().overRepresented().stream().map(l -> Map.of("feature", l.feature(),
                    "level", l.level(), "share", l.share(), "populationShare", l.populationShare())).toList());
        }
        return s;
    }
}
