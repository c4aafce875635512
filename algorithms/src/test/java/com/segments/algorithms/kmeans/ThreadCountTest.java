package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Above the size where restarts run one after another, every pass is split in chunks over the threads: labels,
 * centres, outlier radii and inertia must still be bit-identical on 1 and 4 threads, weighted or not. (Below that
 * size ThreadCountDeterminismTest covers restarts run side by side.)
 */
@ResourceLock("segments.threads")
class ThreadCountTest {

    @AfterEach
    void restore() {
        System.clearProperty("segments.threads");
    }

    @Test
    void oneThreadAndFourThreadsGiveIdenticalResultsOnChunkedPasses() {
        DataMatrix x = KMeansAlgorithmTest.blobs(6, 12_000, 5, 4L);
        double[] weights = new double[x.rows()];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextInt(4);
        }
        KMeansAlgorithm kmeans = new KMeansAlgorithm();
        AlgorithmParameters p = kmeans.descriptor().resolve(Map.of("k", 7, "restarts", 2));
        for (FitContext context : new FitContext[] {FitContext.NONE, new FitContext(weights, () -> false)}) {
            System.setProperty("segments.threads", "1");
            ClusteringResult one = kmeans.fit(x, p, 11L, context);
            System.setProperty("segments.threads", "4");
            ClusteringResult four = kmeans.fit(x, p, 11L, context);
            assertThat(four.labels()).isEqualTo(one.labels());
            assertThat(four.rule()).isEqualTo(one.rule());
            assertThat(four.inertia()).isEqualTo(one.inertia());
            assertThat(four.diagnostics()).isEqualTo(one.diagnostics());
        }
    }
}
