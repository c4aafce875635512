package com.segments.algorithms.kmeans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.algorithms.CcGeneralReference;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * From the same initial centres, our iterations end where scikit-learn's do: same number of iterations, same
 * inertia and centres to 1e-9. The answers come from benchmarks/scripts/sklearn_kmeans_known_answers.py (its
 * docstring says how to re-run it). Hamerly's bounds, the tolerance, empty-segment repair and weights are all in it.
 */
class ScikitLearnKnownAnswersTest {

    static List<Arguments> cases() throws IOException {
        try (InputStream in = ScikitLearnKnownAnswersTest.class.getResourceAsStream("/kmeans/sklearn-known-answers.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return StreamSupport.stream(root.get("cases").spliterator(), false)
                    .flatMap(c -> Stream.of("hamerly", "elkan").map(bounds -> Arguments.of(c.get("name").asText(), bounds, c)))
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void fromScikitLearnsStartWeEndWhereItEnds(String name, String bounds, JsonNode expected) throws IOException {
        DataMatrix x = data(expected);
        int k = expected.get("centres").size();
        int d = x.columns();
        double[] initial = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                initial[c * d + j] = expected.has("init_rows") ? x.get(expected.get("init_rows").get(c).asInt(), j)
                        : expected.get("init_values").get(c).asDouble();
            }
        }
        double[] weights = expected.has("weights") ? doubles(expected.get("weights")) : null;
        KMeansData data = KMeansData.of(x, weights, k);
        double tolerance = data.tolerance(KMeansAlgorithm.RELATIVE_TOLERANCE, ChunkPool.SEQUENTIAL);
        try (ChunkPool pool = new ChunkPool(2)) {
            Lloyd lloyd = bounds.equals("elkan") ? new Elkan(data, k, pool) : new Hamerly(data, k, pool);
            Lloyd.Outcome outcome = lloyd.run(initial, null, 300, tolerance, FitContext.NONE);
            double inertia = expected.get("inertia").asDouble();
            assertThat(outcome.iterations()).isEqualTo(expected.get("iterations").asInt());
            assertThat(outcome.inertia()).isCloseTo(inertia, within(Math.max(1e-12, inertia * 1e-9)));
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    assertThat(outcome.centres()[c * d + j]).as("centre %d, column %d", c, j)
                            .isCloseTo(expected.get("centres").get(c).get(j).asDouble(), within(1e-9));
                }
            }
        }
    }

    private static DataMatrix data(JsonNode expected) throws IOException {
        if (expected.get("data").asText().equals("cc_general")) {
            return CcGeneralReference.load().x;
        }
        double[] values = doubles(expected.get("values"));
        return DataMatrix.wrap(values.length, 1, values);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
