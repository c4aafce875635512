package com.segments.domain.feature;

/**
 * Principal components, from a linear algebra library behind this port: fitted as a preprocessing step, and used
 * for pictures of a segmentation (a 2-D scatter).
 */
public interface Projector {

    /**
     * All principal components of {@code data}, largest variance first, each with a fixed sign (largest loading
     * positive) so results do not flip between runs.
     */
    PrincipalComponents fit(DataMatrix data);

    /** The rows of {@code data} projected onto its first {@code dimensions} principal components. */
    default DataMatrix project(DataMatrix data, int dimensions) {
        if (dimensions < 1 || dimensions > data.columns()) {
            throw new IllegalArgumentException("cannot project " + data.columns() + " columns onto " + dimensions + " components");
        }
        return FittedPreprocessing.apply(java.util.List.of(fit(data).keep(dimensions)), data);
    }
}
