package com.segments.application;

import com.segments.application.features.InferenceReport;
import com.segments.domain.model.ModelVersion;

import java.time.Duration;
import java.util.Map;

/**
 * What a training run produced.
 *
 * @param model       the stored version (active unless the promotion gate refused it)
 * @param inference   how the input was read
 * @param diagnostics the plugin's own facts (iterations, restarts)
 * @param fitTime     time spent in the plugin's fit
 * @param notPromoted why the promotion gate kept it from becoming active, if it did
 * @param segments    each segment's name and description (empty when no catalog is configured)
 * @param chosenK     how k was chosen, with the evidence per k, when the command named no k
 * @param predictAgreement share of training rows the stored prediction rule gives their training label, noise
 *                    included ({@link com.segments.domain.cluster.PredictAgreement})
 */
public record TrainingReport(ModelVersion model, InferenceReport inference, Map<String, Object> diagnostics,
                             Duration fitTime, java.util.Optional<String> notPromoted,
                             java.util.List<com.segments.domain.profile.SegmentLabel> segments,
                             java.util.Optional<ChooseK.Choice> chosenK, double predictAgreement) {

    public TrainingReport {
        segments = java.util.List.copyOf(segments);
    }

    public TrainingReport(ModelVersion model, InferenceReport inference, Map<String, Object> diagnostics,
                          Duration fitTime, java.util.Optional<String> notPromoted,
                          java.util.List<com.segments.domain.profile.SegmentLabel> segments) {
        this(model, inference, diagnostics, fitTime, notPromoted, segments, java.util.Optional.empty(), Double.NaN);
    }

    public boolean activated() {
        return notPromoted.isEmpty();
    }
}
