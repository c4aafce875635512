package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed gives identical labels and rules whether a plugin runs on one thread or on four. */
@ResourceLock("segments.threads")
class ThreadCountDeterminismTest {

    @AfterEach
    void restore() {
        System.clearProperty("segments.threads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmeans", "tribuo-kmeans", "hdbscan", "tribuo-hdbscan", "ward"})
    void oneThreadAndFourThreadsAgree(String id) throws IOException {
        ClusteringAlgorithm algorithm = switch (id) {
            case "kmeans" -> new com.segments.algorithms.kmeans.KMeansAlgorithm();
            case "tribuo-kmeans" -> new TribuoKMeansAlgorithm();
            case "hdbscan" -> new com.segments.algorithms.hdbscan.HdbscanAlgorithm();
            case "tribuo-hdbscan" -> new TribuoHdbscanAlgorithm();
            default -> new SmileHierarchicalAlgorithm.Ward();
        };
        Map<String, Integer> parameters = switch (id) {
            case "kmeans", "tribuo-kmeans" -> Map.of("k", 5, "restarts", 6);
            case "hdbscan", "tribuo-hdbscan" -> Map.of("minClusterSize", 40);
            default -> Map.of("k", 5, "maxFitRows", 2000);
        };
        DataMatrix x = CcGeneralReference.load().x.selectRows(java.util.stream.IntStream.range(0, 3000).toArray());
        System.setProperty("segments.threads", "1");
        ClusteringResult one = algorithm.fit(x, algorithm.descriptor().resolve(parameters), 17L);
        System.setProperty("segments.threads", "4");
        ClusteringResult four = algorithm.fit(x.copy(), algorithm.descriptor().resolve(parameters), 17L);
        assertThat(four.labels()).isEqualTo(one.labels());
        assertThat(four.rule()).isEqualTo(one.rule());
    }
}
