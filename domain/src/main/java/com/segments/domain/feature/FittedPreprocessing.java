package com.segments.domain.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The learned chain of steps that turns a raw vector (see {@link FeatureSchema}) into the space the clustering
 * ran in. Stored with every model version and applied unchanged when predicting. Steps run in order; each reads
 * the width the previous one wrote.
 */
public record FittedPreprocessing(List<FittedStep> steps) {

    public FittedPreprocessing {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("preprocessing needs at least one step");
        }
        for (int s = 1; s < steps.size(); s++) {
            if (steps.get(s).inputWidth() != steps.get(s - 1).outputWidth()) {
                throw new IllegalArgumentException("step " + steps.get(s).getClass().getSimpleName() + " reads "
                        + steps.get(s).inputWidth() + " values, the step before writes " + steps.get(s - 1).outputWidth());
            }
        }
    }

    /** Median imputation then standardisation, fitted on the given raw profiles. */
    public static FittedPreprocessing fitMedianAndStandardise(CustomerProfiles profiles) {
        Objects.requireNonNull(profiles, "profiles");
        if (profiles.size() == 0) {
            throw new IllegalArgumentException("cannot fit preprocessing on zero rows");
        }
        Imputation imputation = Imputation.fit(profiles.values(), profiles.schema());
        DataMatrix imputed = apply(List.of(imputation), profiles.values());
        Standardisation standardisation = Standardisation.fit(imputed);
        return new FittedPreprocessing(List.of(imputation, standardisation));
    }

    /** Width of the raw vector read. */
    public int inputWidth() {
        return steps.getFirst().inputWidth();
    }

    /** Width of the vector the clustering sees. */
    public int outputWidth() {
        return steps.getLast().outputWidth();
    }

    /**
     * Transforms one raw row, which may be overwritten; returns the transformed vector (the same array when no
     * step changes the width). This is the first half of the predict hot path.
     */
    public double[] transformInPlace(double[] row) {
        double[] current = row;
        for (int s = 0; s < steps.size(); s++) {
            current = steps.get(s).apply(current);
        }
        return current;
    }

    /** Transforms a whole raw matrix into a new matrix; the input is left untouched. */
    public DataMatrix transform(DataMatrix raw) {
        if (raw.columns() != inputWidth()) {
            throw new IllegalArgumentException("matrix has " + raw.columns() + " columns, preprocessing expects " + inputWidth());
        }
        return apply(steps, raw);
    }

    /**
     * The leading steps that keep values in original units (plausible ranges, derived columns, imputation): what
     * the segments' profiles are described in.
     */
    public List<FittedStep> originalUnitSteps() {
        List<FittedStep> leading = new ArrayList<>();
        for (FittedStep step : steps) {
            if (!(step instanceof ValidRange || step instanceof DerivedColumns || step instanceof Imputation)) {
                break;
            }
            leading.add(step);
        }
        return leading;
    }

    /** Raw values with ranges checked, derived columns added and gaps filled, in original units. */
    public DataMatrix impute(DataMatrix raw) {
        List<FittedStep> leading = originalUnitSteps();
        return leading.isEmpty() ? raw.copy() : apply(leading, raw);
    }

    /** Names of the columns {@link #impute} writes: the schema's fields, then the derived ones. */
    public List<String> originalColumns(FeatureSchema schema) {
        List<String> names = new ArrayList<>(schema.features());
        for (FittedStep step : originalUnitSteps()) {
            if (step instanceof DerivedColumns derived) {
                names.addAll(derived.names());
            }
        }
        return names;
    }

    /** The principal components step, if the chain ends in one. */
    public PrincipalComponents principalComponents() {
        return steps.getLast() instanceof PrincipalComponents pca ? pca : null;
    }

    /** Applies steps row by row; the input matrix is left untouched. */
    public static DataMatrix apply(List<FittedStep> steps, DataMatrix raw) {
        int width = steps.isEmpty() ? raw.columns() : steps.getLast().outputWidth();
        double[] out = new double[raw.rows() * width];
        double[] row = new double[raw.columns()];
        for (int i = 0; i < raw.rows(); i++) {
            double[] current = raw.copyRow(i, row);
            for (FittedStep step : steps) {
                current = step.apply(current);
            }
            System.arraycopy(current, 0, out, i * width, width);
        }
        return DataMatrix.wrap(raw.rows(), width, out);
    }
}
