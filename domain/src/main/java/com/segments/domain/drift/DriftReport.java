package com.segments.domain.drift;

import java.util.List;

/**
 * A batch compared with a version's {@link DriftReference}: one verdict, the reasons for it in words (strongest
 * first), and the figures behind them per field and per segment.
 *
 * @param version   the version compared with
 * @param rows      rows of the batch
 * @param verdict   the worst level found
 * @param reasons   what watching or drifted found, strongest first; empty when stable
 * @param fields    per input field, in schema order
 * @param segments  per segment, in id order
 * @param sharePsi  PSI of the segment shares (noise included as a share)
 * @param shareChiSquare chi-square of the batch's segment counts against the reference shares
 * @param sharePValue    its p-value
 */
public record DriftReport(long version, long rows, Level verdict, List<String> reasons, List<FieldDrift> fields,
                          List<SegmentDrift> segments, double sharePsi, double shareChiSquare, double sharePValue) {

    public DriftReport {
        reasons = List.copyOf(reasons);
        fields = List.copyOf(fields);
        segments = List.copyOf(segments);
    }

    /** How far a batch has moved from the reference. */
    public enum Level {
        STABLE, WATCH, DRIFTED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        Level worst(Level other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * One field's drift.
     *
     * @param name            the field
     * @param category        a category field
     * @param level           its level
     * @param psi             PSI over the reference deciles (numbers) or levels (categories)
     * @param wasserstein     Wasserstein distance in units of the reference standard deviation (numbers), else NaN
     * @param ks              Kolmogorov-Smirnov statistic against the reference quantiles (numbers), else NaN
     * @param pValue          p-value of the KS test (numbers) or of the chi-square test over levels (categories)
     * @param referenceMissing missing share at training
     * @param currentMissing   missing share in the batch
     * @param referenceMedian  median at training (numbers), else NaN
     * @param currentMedian    median of the batch (numbers; of its sample above the sample size), else NaN
     * @param bins             what each PSI bin holds, in words ("up to 12", "12 to 40", "over 900"; a category's
     *                         levels)
     * @param referenceShares  share of the training values in each bin
     * @param currentShares    share of the batch's values in each bin
     */
    public record FieldDrift(String name, boolean category, Level level, double psi, double wasserstein, double ks,
                             double pValue, double referenceMissing, double currentMissing, double referenceMedian,
                             double currentMedian, List<String> bins, double[] referenceShares,
                             double[] currentShares) {
        public FieldDrift {
            bins = List.copyOf(bins);
            referenceShares = referenceShares.clone();
            currentShares = currentShares.clone();
        }
    }

    /**
     * One segment's drift.
     *
     * @param segment        its id
     * @param level          its level
     * @param referenceShare share of training rows in it
     * @param currentShare   share of the batch in it
     * @param referenceOutliers share of its training members beyond its outlier radius
     * @param currentOutliers   the same in the batch
     */
    public record SegmentDrift(int segment, Level level, double referenceShare, double currentShare,
                               double referenceOutliers, double currentOutliers) {
    }
}
