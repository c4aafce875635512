package com.segments.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The thresholds a newly trained version must meet to become active by itself. A version that misses one stays
 * READY with the reason; a person can still activate it by hand. NaN leaves a threshold unset.
 *
 * @param minSilhouette   lowest acceptable silhouette
 * @param maxNoiseFraction highest acceptable share of customers left as noise
 * @param minStability    lowest acceptable mean bootstrap stability (Jaccard, 0 to 1)
 * @param stabilityRefits bootstrap refits measured when a minimum stability is set
 * @param minAgreement    lowest acceptable share of training rows the prediction rule gives their training label
 *                        ({@link com.segments.domain.cluster.PredictAgreement}, 0 to 1)
 */
public record PromotionGate(double minSilhouette, double maxNoiseFraction, double minStability, int stabilityRefits,
                            double minAgreement) {

    public static final PromotionGate OPEN = new PromotionGate(Double.NaN, Double.NaN);

    public PromotionGate(double minSilhouette, double maxNoiseFraction) {
        this(minSilhouette, maxNoiseFraction, Double.NaN, 0);
    }

    public PromotionGate(double minSilhouette, double maxNoiseFraction, double minStability, int stabilityRefits) {
        this(minSilhouette, maxNoiseFraction, minStability, stabilityRefits, Double.NaN);
    }

    public PromotionGate {
        if (!Double.isNaN(minStability) && (minStability < 0 || minStability > 1)) {
            throw new IllegalArgumentException("the minimum stability must be between 0 and 1, got " + minStability);
        }
        if (!Double.isNaN(minStability) && stabilityRefits < 2) {
            throw new IllegalArgumentException("a minimum stability needs at least 2 bootstrap refits, got " + stabilityRefits);
        }
        if (!Double.isNaN(minAgreement) && (minAgreement < 0 || minAgreement > 1)) {
            throw new IllegalArgumentException("the minimum prediction agreement must be between 0 and 1, got " + minAgreement);
        }
    }

    /** Whether training must measure stability for this gate to decide. */
    public boolean needsStability() {
        return !Double.isNaN(minStability);
    }

    /** Why {@code metrics} may not be promoted, or empty when they pass (agreement not measured). */
    public Optional<String> refusal(ModelMetrics metrics) {
        return refusal(metrics, Double.NaN);
    }

    /**
     * Why {@code metrics} and the prediction rule's {@code agreement} with the training labels (NaN when not
     * measured) may not be promoted, or empty when they pass.
     */
    public Optional<String> refusal(ModelMetrics metrics, double agreement) {
        List<String> reasons = new ArrayList<>();
        if (!Double.isNaN(minSilhouette) && !(metrics.silhouette() >= minSilhouette)) {
            reasons.add(String.format(Locale.ROOT, "silhouette %.4f is below the minimum %.4f", metrics.silhouette(), minSilhouette));
        }
        double noise = Double.isNaN(metrics.noiseFraction()) ? 0 : metrics.noiseFraction();
        if (!Double.isNaN(maxNoiseFraction) && noise > maxNoiseFraction) {
            reasons.add(String.format(Locale.ROOT, "noise %.1f%% is above the maximum %.1f%%", 100 * noise, 100 * maxNoiseFraction));
        }
        if (needsStability() && !(metrics.meanStability() >= minStability)) {
            reasons.add(Double.isNaN(metrics.meanStability()) ? "stability was not measured"
                    : String.format(Locale.ROOT, "mean stability %.3f is below the minimum %.3f", metrics.meanStability(), minStability));
        }
        if (!Double.isNaN(minAgreement) && !(agreement >= minAgreement)) {
            reasons.add(Double.isNaN(agreement) ? "prediction agreement was not measured"
                    : String.format(Locale.ROOT, "prediction agrees with %.2f%% of the training labels, below the minimum %.2f%%",
                            100 * agreement, 100 * minAgreement));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of("not promoted: " + String.join("; ", reasons));
    }
}
