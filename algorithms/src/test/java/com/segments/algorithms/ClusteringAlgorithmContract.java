package com.segments.algorithms;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every clustering plugin must do. Each plugin gets a subclass naming it and its parameters. */
abstract class ClusteringAlgorithmContract {

    protected abstract ClusteringAlgorithm algorithm();

    /** Parameters asking for {@code segments} segments (ignored by density-based plugins). */
    protected abstract Map<String, Integer> parametersFor(int segments);

    /** Share of training rows whose label the prediction rule must give back. */
    protected double minimumPredictAgreement() {
        return 0.995;
    }

    protected AlgorithmParameters parameters(int segments) {
        return algorithm().descriptor().resolve(parametersFor(segments));
    }

    static DataMatrix blobs(int perBlob, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = {{0, 0, 0}, {20, 0, 0}, {0, 20, 0}, {0, 0, 20}};
        double[][] rows = new double[centres.length * perBlob][];
        for (int i = 0; i < rows.length; i++) {
            int blob = i / perBlob;
            if (truth != null) {
                truth[i] = blob;
            }
            rows[i] = new double[3];
            for (int j = 0; j < 3; j++) {
                rows[i][j] = centres[blob][j] + random.nextDouble(-1, 1);
            }
        }
        return DataMatrix.ofRows(rows);
    }

    @Test
    void recoversWellSeparatedBlobsExactly() {
        int[] truth = new int[400];
        ClusteringResult result = algorithm().fit(blobs(100, 3, truth), parameters(4), 11L);
        assertThat(result.rule().segmentCount()).isEqualTo(4);
        assertThat(result.labels()).doesNotContain(Assignment.NOISE);
        assertThat(AdjustedRandIndex.of(result.labels(), truth)).isEqualTo(1.0);
    }

    @Test
    void sameSeedGivesIdenticalLabelsAndRule() {
        DataMatrix x = blobs(60, 5, null);
        ClusteringResult first = algorithm().fit(x, parameters(3), 7L);
        ClusteringResult second = algorithm().fit(x.copy(), parameters(3), 7L);
        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(second.rule()).isEqualTo(first.rule());
    }

    @Test
    void predictionAgreesWithTheTrainingLabels() {
        DataMatrix x = blobs(80, 9, null);
        ClusteringResult result = algorithm().fit(x, parameters(4), 1L);
        int same = 0;
        for (int i = 0; i < x.rows(); i++) {
            if (result.rule().assign(x.row(i)).segment() == result.labels()[i]) {
                same++;
            }
        }
        assertThat((double) same / x.rows()).isGreaterThanOrEqualTo(minimumPredictAgreement());
    }

    @Test
    void rejectsEmptyInput() {
        DataMatrix empty = DataMatrix.wrap(0, 3, new double[0]);
        assertThatThrownBy(() -> algorithm().fit(empty, parameters(2), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsASingleRow() {
        DataMatrix one = DataMatrix.ofRows(new double[][] {{1, 2, 3}});
        assertThatThrownBy(() -> algorithm().fit(one, parameters(2), 1L)).isInstanceOf(SegmentsException.class);
    }

    @Test
    void rejectsMoreSegmentsThanRows() {
        DataMatrix three = DataMatrix.ofRows(new double[][] {{1, 0, 0}, {2, 0, 0}, {3, 0, 0}});
        Map<String, Integer> tooMany = new HashMap<>(parametersFor(5));
        tooMany.replaceAll((name, value) -> name.equals("k") || name.equals("minClusterSize") ? 5 : value);
        assertThatThrownBy(() -> algorithm().fit(three, algorithm().descriptor().resolve(tooMany), 1L))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("larger than the 3 rows");
    }

    @Test
    void aboveItsFitLimitFitsOnASampleAndSaysSo() {
        if (!algorithm().descriptor().parameters().stream().anyMatch(p -> p.name().equals("maxFitRows"))) {
            return; // k-means is linear in memory and has no guardrail to test
        }
        int[] truth = new int[1200];
        Map<String, Integer> sampled = new HashMap<>(parametersFor(4));
        sampled.put("maxFitRows", 200);
        ClusteringResult result = algorithm().fit(blobs(300, 4, truth), algorithm().descriptor().resolve(sampled), 2L);
        assertThat(result.labels()).hasSize(1200);
        assertThat(result.diagnostics()).containsEntry("sampled", true).containsEntry("fittedRows", 200);
        assertThat(AdjustedRandIndex.of(result.labels(), truth)).isGreaterThan(0.95);
    }
}
