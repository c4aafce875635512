package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HipparchusPcaProjectorTest {

    @Test
    void theFirstComponentFollowsTheWidestSpreadAndTheSecondIsUncorrelated() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] rows = new double[2000][];
        for (int i = 0; i < rows.length; i++) {
            double wide = random.nextGaussian() * 10;
            double narrow = random.nextGaussian();
            rows[i] = new double[] {wide + narrow, wide - narrow, random.nextGaussian() * 0.1};
        }
        DataMatrix projected = new HipparchusPcaProjector().project(DataMatrix.ofRows(rows), 2);
        double[] pc1 = projected.column(0);
        double[] pc2 = projected.column(1);
        assertThat(variance(pc1)).isCloseTo(200, within(20.0)); // (10 sqrt 2)^2
        assertThat(variance(pc2)).isCloseTo(2, within(0.3));    // (sqrt 2)^2
        double covariance = 0;
        for (int i = 0; i < pc1.length; i++) {
            covariance += pc1[i] * pc2[i];
        }
        assertThat(covariance / pc1.length).isCloseTo(0, within(1e-9));
    }

    private static double variance(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        return java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    }
}
