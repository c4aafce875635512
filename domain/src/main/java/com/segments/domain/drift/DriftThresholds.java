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
 */
public record DriftThresholds(double psiWatch, double psiDrifted, double missingWatch, double missingDrifted,
                              double outlierFactor, double outlierMinimum) {

    public static final DriftThresholds DEFAULTS = new DriftThresholds(0.1, 0.25, 0.05, 0.10, 3.0, 0.05);

    public DriftThresholds {
        if (!(psiWatch > 0 && psiDrifted >= psiWatch)) {
            throw new IllegalArgumentException("PSI thresholds must satisfy 0 < watch <= drifted, not " + psiWatch
                    + " and " + psiDrifted);
        }
        if (!(missingWatch > 0 && missingDrifted >= missingWatch && missingDrifted <= 1)) {
            throw new IllegalArgumentException("missing-share thresholds must satisfy 0 < watch <= drifted <= 1, not "
                    + missingWatch + " and " + missingDrifted);
        }
        if (!(outlierFactor >= 1 && outlierMinimum >= 0 && outlierMinimum <= 1)) {
            throw new IllegalArgumentException("outlier thresholds need a factor >= 1 and a minimum in [0, 1], not "
                    + outlierFactor + " and " + outlierMinimum);
        }
    }
}
