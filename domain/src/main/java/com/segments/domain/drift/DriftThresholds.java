package com.segments.domain.drift;

/**
 * Where a drift report draws its lines. The PSI bands are the industry's (0.1: a change worth watching, 0.25: a
 * significant shift; Siddiqi, Credit Risk Scorecards, 2006), used by Evidently and NannyML alike; the others are
 * stated in the same spirit: a feed that loses a tenth of a column is broken, a segment whose members fall outside
 * its radius three times as often as at training no longer describes them.
 *
 * @param psiWatch          PSI of a field or of the segment shares from which it is worth watching
 * @param psiDrifted        PSI from which it has drifted
 * @param missingWatch      rise of a field's missing share (absolute) worth watching
 * @param missingDrifted    rise of a field's missing share from which it has drifted
 * @param outlierFactor     a segment's outlier share this many times its training share (and at least
 *                          {@code outlierMinimum} more) is worth watching
 * @param outlierMinimum    the absolute rise of the outlier share that must come with it
 * @param moveWatch         distance of a segment's batch members' mean from its training mean, in units of its
 *                          training spread (root mean square distance of members to their mean), worth watching
 * @param moveDrifted       the same, from which the segment has drifted
 */
public record DriftThresholds(double psiWatch, double psiDrifted, double missingWatch, double missingDrifted,
                              double outlierFactor, double outlierMinimum, double moveWatch, double moveDrifted) {

    public static final DriftThresholds DEFAULTS = new DriftThresholds(0.1, 0.25, 0.05, 0.10, 3.0, 0.05, 0.25, 0.5);

    public DriftThresholds(double psiWatch, double psiDrifted, double missingWatch, double missingDrifted,
                           double outlierFactor, double outlierMinimum) {
        this(psiWatch, psiDrifted, missingWatch, missingDrifted, outlierFactor, outlierMinimum, DEFAULTS.moveWatch(),
                DEFAULTS.moveDrifted());
    }

    public DriftThresholds {
        if (!(psiWatch > 0 && psiDrifted >= psiWatch)) {
            throw new IllegalArgumentException("PSI thresholds must satisfy 0 < watch <= drifted, not " + psiWatch
                    + " and " + psiDrifted);
        }
        if (!(missingWatch > 0 && missingDrifted >= missingWatch && missingDrifted <= 1)) {
            throw new IllegalArgumentException("missing-share thresholds must satisfy 0 < watch <= drifted <= 1, not "
                    + missingWatch + " and " + missingDrifted);
        }
        if (!(moveWatch > 0 && moveDrifted >= moveWatch)) {
            throw new IllegalArgumentException("segment move thresholds must satisfy 0 < watch <= drifted, not "
                    + moveWatch + " and " + moveDrifted);
        }
        if (!(outlierFactor >= 1 && outlierMinimum >= 0 && outlierMinimum <= 1)) {
            throw new IllegalArgumentException("outlier thresholds need a factor >= 1 and a minimum in [0, 1], not "
                    + outlierFactor + " and " + outlierMinimum);
        }
    }
}
