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

/** The contract every clustering plugin keeps, checked on the K-Means plugin. */
class TribuoKMeansAlgorithmTest {

    private final TribuoKMeansAlgorithm kmeans = new TribuoKMeansAlgorithm();

    private AlgorithmParameters parameters(int k, int restarts) {
        return kmeans.descriptor().resolve(Map.of("k", k, "restarts", restarts));
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {2, 4, 7, 10})
    void inertiaOnCcGeneralIsWithinOnePercentOfScikitLearnsBestOfTen(int k) throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        double sklearn = ref.json.get("kmeans_best_of_10_inertia_by_k").get(Integer.toString(k)).get("inertia").asDouble();
        ClusteringResult result = kmeans.fit(ref.x, parameters(k, 10), 0L);
        assertThat(result.inertia()).isLessThanOrEqualTo(sklearn * 1.01);
    }

    @Test
    void sameSeedGivesIdenticalLabelsAndCentroids() throws IOException {
        DataMatrix x = CcGeneralReference.load().x;
        ClusteringResult first = kmeans.fit(x, parameters(5, 4), 7L);
        ClusteringResult second = kmeans.fit(x, parameters(5, 4), 7L);
        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(second.rule()).isEqualTo(first.rule());
        assertThat(second.inertia()).isEqualTo(first.inertia());
    }

    @Test
    void predictingATrainingRowGivesItsTrainingLabel() throws IOException {
        DataMatrix x = CcGeneralReference.load().x;
        ClusteringResult result = kmeans.fit(x, parameters(4, 3), 1L);
        for (int i = 0; i < x.rows(); i++) {
            assertThat(result.rule().assign(x.row(i)).segment()).as("row %d", i).isEqualTo(result.labels()[i]);
        }
    }

    @Test
    void recoversWellSeparatedBlobsExactly() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] centres = {{0, 0, 0}, {20, 0, 0}, {0, 20, 0}, {0, 0, 20}};
        int perBlob = 50;
        double[][] rows = new double[centres.length * perBlob][];
        int[] truth = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int blob = i / perBlob;
            truth[i] = blob;
            rows[i] = new double[3];
            for (int j = 0; j < 3; j++) {
                rows[i][j] = centres[blob][j] + random.nextDouble(-1, 1);
            }
        }
        ClusteringResult result = kmeans.fit(DataMatrix.ofRows(rows), parameters(4, 5), 11L);
        assertThat(AdjustedRandIndex.of(result.labels(), truth)).isEqualTo(1.0);
    }

    @Test
    void rejectsEmptyInput() {
        DataMatrix empty = DataMatrix.wrap(0, 3, new double[0]);
        assertThatThrownBy(() -> kmeans.fit(empty, parameters(2, 1), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsASingleRow() {
        DataMatrix one = DataMatrix.ofRows(new double[][] {{1, 2}});
        assertThatThrownBy(() -> kmeans.fit(one, parameters(2, 1), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("larger than the 1 rows");
    }

    @Test
    void rejectsKLargerThanTheNumberOfRows() {
        DataMatrix three = DataMatrix.ofRows(new double[][] {{1}, {2}, {3}});
        assertThatThrownBy(() -> kmeans.fit(three, parameters(5, 1), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("k = 5");
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
