package com.segments.domain.feature;

import java.util.List;
import java.util.Objects;

/**
 * The learned chain of steps that turns a raw feature vector into the space the clustering ran in. Stored with
 * every model version and applied unchanged when predicting.
 */
public record FittedPreprocessing(List<FittedStep> steps) {

    public FittedPreprocessing {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("preprocessing needs at least one step");
        }
        int width = steps.getFirst().width();
        for (FittedStep step : steps) {
            if (step.width() != width) {
                throw new IllegalArgumentException("step " + step.getClass().getSimpleName() + " has width "
                        + step.width() + ", expected " + width);
            }
        }
    }

    /** Median imputation then standardisation, fitted on the given raw profiles. */
    public static FittedPreprocessing fitMedianAndStandardise(CustomerProfiles profiles) {
        Objects.requireNonNull(profiles, "profiles");
        if (profiles.size() == 0) {
            throw new IllegalArgumentException("cannot fit preprocessing on zero rows");
        }
        MedianImputation imputation = MedianImputation.fit(profiles.values(), profiles.schema());
        DataMatrix imputed = apply(List.of(imputation), profiles.values());
        Standardisation standardisation = Standardisation.fit(imputed);
        return new FittedPreprocessing(List.of(imputation, standardisation));
    }

    public int width() {
        return steps.getFirst().width();
    }

    /** Transforms one row in place; allocates nothing. This is the first half of the predict hot path. */
    public void transformInPlace(double[] row) {
        for (int s = 0; s < steps.size(); s++) {
            steps.get(s).applyInPlace(row);
        }
    }

    /** Transforms a whole raw matrix into a new matrix; the input is left untouched. */
    public DataMatrix transform(DataMatrix raw) {
        if (raw.columns() != width()) {
            throw new IllegalArgumentException("matrix has " + raw.columns() + " columns, preprocessing expects " + width());
        }
        return apply(steps, raw);
    }

    /** Applies only the leading imputation steps: raw values with the gaps filled, in original units. */
    public DataMatrix impute(DataMatrix raw) {
        return apply(steps.stream().filter(MedianImputation.class::isInstance).toList(), raw);
    }

    private static DataMatrix apply(List<FittedStep> steps, DataMatrix raw) {
        double[] out = raw.rowMajorView().clone();
        int d = raw.columns();
        double[] row = new double[d];
        for (int i = 0; i < raw.rows(); i++) {
            System.arraycopy(out, i * d, row, 0, d);
            for (FittedStep step : steps) {
                step.applyInPlace(row);
            }
            System.arraycopy(row, 0, out, i * d, d);
        }
        return DataMatrix.wrap(raw.rows(), d, out);
    }
}
