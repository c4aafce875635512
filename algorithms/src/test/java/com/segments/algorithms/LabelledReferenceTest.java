package com.segments.algorithms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On every labelled data set, with the recipe of ../shared/reference/labelled.json (standardised features, k = the
 * number of reference labels), the ARI of our k-means is at most 0.01 below scikit-learn's, Ward's at most 0.02.
 */
class LabelledReferenceTest {

    private static final Path SHARED = Path.of(System.getProperty("segments.shared.dir", "../../shared"));

    static List<JsonNode> datasets() throws IOException {
        JsonNode reference = new ObjectMapper().readTree(SHARED.resolve("reference/labelled.json").toFile());
        return StreamSupport.stream(reference.get("results").spliterator(), false).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void kMeansAndWardAreNoWorseThanScikitLearn(JsonNode expected) throws IOException {
        List<String> lines = Files.readAllLines(SHARED.resolve(expected.get("dataset").asText()));
        String[] header = lines.getFirst().strip().split(",");
        int d = header.length - 1;
        double[][] rows = new double[lines.size() - 1][d];
        int[] truth = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i + 1).strip().split(",");
            for (int j = 0; j < d; j++) {
                rows[i][j] = Double.parseDouble(cells[j]);
            }
            truth[i] = (int) Double.parseDouble(cells[d]);
        }
        Standardisation scaler = Standardisation.fit(DataMatrix.ofRows(rows));
        for (double[] row : rows) {
            scaler.apply(row);
        }
        DataMatrix x = DataMatrix.ofRows(rows);
        int k = expected.get("k").asInt();
        assertThat(x.rows()).isEqualTo(expected.get("n").asInt());

        double kmeans = ari(new com.segments.algorithms.kmeans.KMeansAlgorithm(), Map.of("k", k, "restarts", 10), x, truth);
        double ward = ari(new SmileHierarchicalAlgorithm.Ward(), Map.of("k", k), x, truth);
        System.out.printf("%s: k-means ARI %.4f (scikit-learn %.4f), Ward ARI %.4f (scikit-learn %.4f)%n",
                expected.get("dataset").asText(), kmeans, expected.get("kmeans_ari").asDouble(), ward,
                expected.get("ward_ari").asDouble());
        assertThat(kmeans).isGreaterThanOrEqualTo(expected.get("kmeans_ari").asDouble() - 0.01);
        assertThat(ward).isGreaterThanOrEqualTo(expected.get("ward_ari").asDouble() - 0.02);
    }

    private static double ari(ClusteringAlgorithm algorithm, Map<String, Integer> parameters, DataMatrix x, int[] truth) {
        return AdjustedRandIndex.of(algorithm.fit(x, algorithm.descriptor().resolve(parameters), 0L).labels(), truth);
    }
}
