package com.segments.algorithms;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only K-Means promises: scikit-learn's inertia, and its parameter bounds. The shared contract is in PluginContractTests. */
class TribuoKMeansAlgorithmTest {

    private final TribuoKMeansAlgorithm kmeans = new TribuoKMeansAlgorithm();

    private AlgorithmParameters parameters(int k, int restarts) {
        return kmeans.descriptor().resolve(Map.of("k", k, "restarts", restarts));
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
    void inertiaOnCcGeneralIsWithinOnePercentOfScikitLearnsBestOfTen(int k) throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        double sklearn = ref.json.get("kmeans_best_of_10_inertia_by_k").get(Integer.toString(k)).get("inertia").asDouble();
        ClusteringResult result = kmeans.fit(ref.x, parameters(k, 10), 0L);
        assertThat(result.inertia()).isLessThanOrEqualTo(sklearn * 1.01);
    }

    @Test
    void rejectsFewerDistinctRowsThanSegments() {
        DataMatrix same = DataMatrix.ofRows(new double[][] {{1, 1}, {1, 1}, {1, 1}, {2, 2}});
        assertThatThrownBy(() -> kmeans.fit(same, parameters(3, 1), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("only 2");
    }

    @Test
    void parametersOutsideTheirBoundsAreRejectedByName() {
        assertThatThrownBy(() -> kmeans.descriptor().resolve(Map.of("k", 1)))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("parameter k");
        assertThatThrownBy(() -> kmeans.descriptor().resolve(Map.of("clusters", 3)))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("no parameter 'clusters'");
    }
}
