package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.metric.AdjustedRandIndex;
import com.segments.domain.metric.ClusterQuality;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tribuo's HDBSCAN* on the CC GENERAL reference matrix beside scikit-learn's HDBSCAN(min_cluster_size=50), whose
 * min_samples defaults to the same 50: same number of segments, same noise, near-identical labels.
 */
class TribuoHdbscanReferenceTest {

    @Test
    void findsTheSameSegmentsAndNoiseAsScikitLearn() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        TribuoHdbscanAlgorithm hdbscan = new TribuoHdbscanAlgorithm();
        long started = System.nanoTime();
        ClusteringResult result = hdbscan.fit(ref.x,
                hdbscan.descriptor().resolve(Map.of("minClusterSize", 50, "neighbours", 50)), 0L);
        double seconds = (System.nanoTime() - started) / 1e9;
        ClusterQuality quality = ClusterQuality.of(ref.x, result.labels(), 10_000, 0L);
        double ari = AdjustedRandIndex.of(result.labels(), ref.labels("hdbscan_mcs50"));
        System.out.printf("tribuo-hdbscan on %d rows: %.1f s; %d segments, noise %.3f (scikit-learn: %d, %.3f); "
                        + "silhouette %.3f (%.3f); ARI with scikit-learn's labels %.3f; predict agreement %.3f%n",
                ref.x.rows(), seconds, quality.segments(), quality.noiseFraction(),
                ref.json.get("hdbscan_mcs50").get("clusters").asInt(),
                ref.json.get("hdbscan_mcs50").get("noise_fraction").asDouble(), quality.silhouette(),
                ref.json.get("hdbscan_mcs50").get("silhouette").asDouble(), ari,
                (double) result.diagnostics().get("predictAgreement"));
        assertThat(quality.segments()).isEqualTo(ref.json.get("hdbscan_mcs50").get("clusters").asInt());
        assertThat(quality.noiseFraction()).isCloseTo(ref.json.get("hdbscan_mcs50").get("noise_fraction").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(ari).isGreaterThan(0.95);
    }
}
