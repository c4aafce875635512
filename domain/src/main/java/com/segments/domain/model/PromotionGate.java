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
 */
public record PromotionGate(double minSilhouette, double maxNoiseFraction) {

    public static final PromotionGate OPEN = new PromotionGate(Double.NaN, Double.NaN);

    /** Why {@code metrics} may not be promoted, or empty when they pass. */
    public Optional<String> refusal(ModelMetrics metrics) {
        List<String> reasons = new ArrayList<>();
        if (!Double.isNaN(minSilhouette) && !(metrics.silhouette() >= minSilhouette)) {
            reasons.add(String.format(Locale.ROOT, "silhouette %.4f is below the minimum %.4f", metrics.silhouette(), minSilhouette));
        }
        double noise = Double.isNaN(metrics.noiseFraction()) ? 0 : metrics.noiseFraction();
        if (!Double.isNaN(maxNoiseFraction) && noise > maxNoiseFraction) {
            reasons.add(String.format(Locale.ROOT, "noise %.1f%% is above the maximum %.1f%%", 100 * noise, 100 * maxNoiseFraction));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of("not promoted: " + String.join("; ", reasons));
    }
}
