package com.segments.algorithms;

import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.NearestNeighbourRule;
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
        assertThat((double) result.diagnostics().get("predictAgreement")).isEqualTo(1.0);
        printPredictLatency(ref, result);
    }

    /**
     * One run, printed for docs/prediction.md: microseconds per customer of the stored nearest-neighbour rule against
     * the nearest-centroid rule of the same labels (what k-means' predict costs at this d and k).
     */
    private static void printPredictLatency(CcGeneralReference ref, ClusteringResult result) {
        int d = ref.x.columns();
        int k = result.rule().segmentCount();
        double[] centroids = new double[k * d];
        long[] sizes = new long[k];
        double[] x = ref.x.rowMajorView();
        for (int i = 0; i < ref.x.rows(); i++) {
            sizes[result.labels()[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[result.labels()[i] * d + j] += x[i * d + j];
            }
        }
        for (int c = 0; c < k * d; c++) {
            centroids[c] /= sizes[c / d];
        }
        NearestCentroidRule centroid = NearestCentroidRule.fromCentroids(k, d, centroids, x);
        // new customers: training rows moved by a small seeded step, so that none is a stored row
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[][] fresh = new double[ref.x.rows()][];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = ref.x.row(i);
            for (int j = 0; j < d; j++) {
                fresh[i][j] += random.nextDouble(-0.05, 0.05);
            }
        }
        for (int rep = 0; rep < 2; rep++) {
            long made = System.nanoTime();
            NearestNeighbourRule.fromTraining(k, d, x, result.labels(), NearestNeighbourRule.DEFAULT_CAP, 0L);
            System.out.printf("making the rule (index, radii, confidences) for %d rows: %.0f ms%n", ref.x.rows(),
                    (System.nanoTime() - made) / 1e6);
        }
        double[] flat = new double[fresh.length * d];
        for (int i = 0; i < fresh.length; i++) {
            System.arraycopy(fresh[i], 0, flat, i * d, d);
        }
        for (int rep = 0; rep < 2; rep++) {
            long started = System.nanoTime();
            int[] labels = result.rule().labelAll(flat);
            System.out.printf("labelAll (1 nearest, all cores): %.2f us per customer, %d%n",
                    (System.nanoTime() - started) / 1e3 / fresh.length, labels[0]);
        }
        for (AssignmentRule rule : new AssignmentRule[] {centroid, result.rule(), centroid, result.rule()}) {
            long started = System.nanoTime();
            double sink = 0;
            for (double[] row : fresh) {
                sink += rule.assign(row).distance();
            }
            System.out.printf("%s: %.2f us per customer (%d customers, d = %d, checksum %.1f)%n", rule,
                    (System.nanoTime() - started) / 1e3 / fresh.length, fresh.length, d, sink);
        }
    }
}
