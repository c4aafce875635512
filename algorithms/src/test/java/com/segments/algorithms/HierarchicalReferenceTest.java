package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ward on the CC GENERAL reference matrix against scikit-learn's AgglomerativeClustering(linkage='ward'). */
class HierarchicalReferenceTest {

    @Test
    void wardReproducesScikitLearnsPartition() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        SmileHierarchicalAlgorithm ward = new SmileHierarchicalAlgorithm.Ward();
        long started = System.nanoTime();
        ClusteringResult result = ward.fit(ref.x, ward.descriptor().resolve(Map.of("k", 4)), 0L);
        System.out.printf("ward on %d rows: %.1f s, predict agreement %.4f%n", ref.x.rows(),
                (System.nanoTime() - started) / 1e9, (double) result.diagnostics().get("predictAgreement"));
        assertThat(result.diagnostics()).containsEntry("sampled", false);
        double ari = AdjustedRandIndex.of(result.labels(), ref.labels("ward_k4"));
        System.out.printf("ARI against scikit-learn's ward_k4 labels: %.6f%n", ari);
        assertThat(ari).isGreaterThan(0.99);
    }
}
