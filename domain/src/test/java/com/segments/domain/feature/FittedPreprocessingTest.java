package com.segments.domain.feature;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FittedPreprocessingTest {

    private static CustomerProfiles profiles(double[][] rows) {
        return new CustomerProfiles(new FeatureSchema(null, List.of("a", "b")),
                java.util.stream.IntStream.range(0, rows.length).mapToObj(i -> "r" + i).toList(), DataMatrix.ofRows(rows));
    }

    @Test
    void mediansIgnoreMissingValuesAndAverageTheMiddlePairOfAnEvenCount() {
        Imputation m = Imputation.fit(DataMatrix.ofRows(new double[][] {
                {1, 10}, {Double.NaN, 30}, {3, Double.NaN}, {100, 20}, {2, 40}}), new FeatureSchema(null, List.of("a", "b")));
        assertThat(m.values()).containsExactly(2.5, 25.0);
    }

    @Test
    void standardisesToMeanZeroAndPopulationStandardDeviationOne() {
        FittedPreprocessing p = FittedPreprocessing.fitMedianAndStandardise(profiles(new double[][] {
                {1, 5}, {2, 5}, {3, 5}, {Double.NaN, 5}}));
        DataMatrix x = p.transform(profiles(new double[][] {{1, 5}, {2, 5}, {3, 5}, {Double.NaN, 5}}).values());
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 4; i++) {
            sum += x.get(i, 0);
            squares += x.get(i, 0) * x.get(i, 0);
        }
        assertThat(sum / 4).isCloseTo(0, within(1e-12));
        assertThat(squares / 4).isCloseTo(1, within(1e-12));
        // The constant column keeps a scale of 1, as scikit-learn's StandardScaler does: centred, not blown up.
        assertThat(x.column(1)).containsOnly(0.0);
    }

    @Test
    void transformInPlaceAgreesWithTheWholeMatrixTransform() {
        CustomerProfiles data = profiles(new double[][] {{1, 7}, {Double.NaN, 3}, {5, Double.NaN}, {2, 2}});
        FittedPreprocessing p = FittedPreprocessing.fitMedianAndStandardise(data);
        DataMatrix all = p.transform(data.values());
        for (int i = 0; i < 4; i++) {
            double[] row = data.values().row(i);
            p.transformInPlace(row);
            assertThat(row).containsExactly(all.row(i));
        }
    }

    @Test
    void imputeFillsGapsInOriginalUnits() {
        CustomerProfiles data = profiles(new double[][] {{1, 7}, {Double.NaN, 3}, {5, 9}});
        DataMatrix imputed = FittedPreprocessing.fitMedianAndStandardise(data).impute(data.values());
        assertThat(imputed.row(1)).containsExactly(3.0, 3.0);
    }
}
