package com.segments.domain.cluster;

/**
 * How faithfully a prediction rule gives back the segmentation it was fitted with: the share of training rows whose
 * predicted segment equals their training label, noise ({@link Assignment#NOISE}) included. 1 means scoring the
 * training data reproduces the fit exactly; anything lower means score, REST predict and batch scoring serve another
 * segmentation than the one that was evaluated.
 */
public final class PredictAgreement {

    private PredictAgreement() {
    }

    /** Share of positions where {@code predicted} equals {@code labels}; 1 for no rows. */
    public static double of(int[] predicted, int[] labels) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " training labels");
        }
        long same = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                same++;
            }
        }
        return labels.length == 0 ? 1.0 : (double) same / labels.length;
    }

    /** The rule's agreement on the training rows (flat row-major) it was fitted with. */
    public static double of(AssignmentRule rule, double[] trainingRows, int[] labels) {
        if (trainingRows.length != (long) labels.length * rule.dimensions()) {
            throw new IllegalArgumentException(trainingRows.length + " values are not " + labels.length + " rows of "
                    + rule.dimensions());
        }
        return of(rule.labelAll(trainingRows), labels);
    }
}
