package com.segments.algorithms;

import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.metric.AdjustedRandIndex;
import com.segments.domain.metric.ClusterQuality;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our HDBSCAN on the CC GENERAL reference matrix beside scikit-learn's HDBSCAN(min_cluster_size=50) (min_samples
 * defaults to the same 50 on both sides): the same labels, and scoring every training row gives its label back.
 */
class HdbscanReferenceTest {

    @Test
    void findsScikitLearnsLabelsAndScoringGivesThemBack() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        HdbscanAlgorithm hdbscan = new HdbscanAlgorithm();
        long started = System.nanoTime();
        ClusteringResult result = hdbscan.fit(ref.x, hdbscan.descriptor().resolve(Map.of("minClusterSize", 50)), 0L);
        double seconds = (System.nanoTime() - started) / 1e9;
        ClusterQuality quality = ClusterQuality.of(ref.x, result.labels(), 10_000, 0L);
        int[] expected = ref.labels("hdbscan_mcs50");
        double ari = AdjustedRandIndex.of(result.labels(), expected);
        double agreement = PredictAgreement.of(result.rule().labelAll(ref.x.rowMajorView()), result.labels());
        System.out.printf("hdbscan on %d rows: %.1f s; %d segments, noise %.3f (scikit-learn: %d, %.3f); ARI with "
                        + "scikit-learn's labels %.4f; scoring agreement %.4f%n", ref.x.rows(), seconds,
                quality.segments(), quality.noiseFraction(), ref.json.get("hdbscan_mcs50").get("clusters").asInt(),
                ref.json.get("hdbscan_mcs50").get("noise_fraction").asDouble(), ari, agreement);
        assertThat(ari).isGreaterThanOrEqualTo(0.99);
        assertThat(quality.segments()).isEqualTo(ref.json.get("hdbscan_mcs50").get("clusters").asInt());
        assertThat(agreement).isEqualTo(1.0);
        assertThat((double) result.diagnostics().get("predictAgreement")).isEqualTo(1.0);
    }
}
