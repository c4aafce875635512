package com.segments.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.segments.application.MeasureDrift;
import com.segments.domain.drift.DriftReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A batch compared with the data a version was trained on (the JSON of {@code segments drift --json}); figures that
 * do not apply (a Wasserstein distance for a category, or live, where no values are kept) are null, not left out.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DriftResponse(int modelVersion, long rows, String verdict, List<String> reasons, List<Field> fields,
                            List<Segment> segments, double sharePsi, double shareChiSquare,
                            @Nullable Double sharePValue, List<String> unusedColumns) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Field(String name, boolean category, String level, @Nullable Double psi, @Nullable Double wasserstein,
                        @Nullable Double ks, @Nullable Double pValue, double referenceMissing, double currentMissing,
                        @Nullable Double referenceMedian, @Nullable Double currentMedian, List<String> bins,
                        double[] referenceShares, double[] currentShares) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Segment(int segment, String name, String level, double referenceShare, double currentShare,
                          double referenceOutliers, double currentOutliers, @Nullable Double move) {
    }

    static DriftResponse of(MeasureDrift.Result result) {
        DriftReport r = result.report();
        List<Field> fields = r.fields().stream().map(f -> new Field(f.name(), f.category(), f.level().word(),
                orNull(f.psi()), orNull(f.wasserstein()), orNull(f.ks()), orNull(f.pValue()), f.referenceMissing(),
                f.currentMissing(), orNull(f.referenceMedian()), orNull(f.currentMedian()), f.bins(),
                f.referenceShares(), f.currentShares())).toList();
        List<Segment> segments = r.segments().stream().map(s -> new Segment(s.segment(),
                result.segmentNames().get(s.segment()), s.level().word(), s.referenceShare(), s.currentShare(),
                s.referenceOutliers(), s.currentOutliers(), orNull(s.move()))).toList();
        return new DriftResponse((int) r.version(), r.rows(), r.verdict().word(), r.reasons(), fields, segments,
                r.sharePsi(), r.shareChiSquare(), orNull(r.sharePValue()), result.unusedColumns());
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
