package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.CondensedTree;
import com.segments.domain.cluster.FitCancelledException;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.feature.DataMatrix;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Selection on a hand-made condensed tree over 10 rows: the root 10 splits at distance 1 into cluster 11 (rows 0-5)
 * and 12 (rows 6-9, leaving at lambda 3); 11 splits at distance 0.25 into 13 (rows 0-2) and 14 (rows 3-5), whose rows
 * leave at lambda 10. Stabilities: 13 and 14 18 each, 11 18, so excess of mass prefers the two children.
 */
class ClusterSelectionTest {

    private static final CondensedTree TREE = new CondensedTree(10,
            new int[] {10, 10, 11, 11, 13, 13, 13, 14, 14, 14, 12, 12, 12, 12},
            new int[] {11, 12, 13, 14, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
            new double[] {1, 1, 4, 4, 10, 10, 10, 10, 10, 10, 3, 3, 3, 3},
            new int[] {6, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

    @Test
    void excessOfMassAndLeafChooseTheMoreStableChildren() {
        for (ClusterSelection.Method method : ClusterSelection.Method.values()) {
            ClusterSelection.Result result = ClusterSelection.select(TREE, method, 0);
            assertThat(result.clusters()).containsExactly(12, 13, 14);
            assertThat(result.labels()).containsExactly(1, 1, 1, 2, 2, 2, 0, 0, 0, 0);
            assertThat(result.membership()).containsOnly(1.0);
        }
    }

    /** A cluster born closer than epsilon gives way to the first ancestor born farther, never to the root. */
    @Test
    void epsilonMergesClustersBornCloserThanIt() {
        ClusterSelection.Result half = ClusterSelection.select(TREE, ClusterSelection.Method.EXCESS_OF_MASS, 0.5);
        assertThat(half.clusters()).containsExactly(11, 12);
        assertThat(half.labels()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1);
        // 11's own edges end at lambda 4: its rows, leaving sub-clusters at 10, are full members
        assertThat(half.membership()).containsOnly(1.0);
        ClusterSelection.Result two = ClusterSelection.select(TREE, ClusterSelection.Method.LEAF, 2);
        assertThat(two.clusters()).containsExactly(11, 12);
    }

    /** Cancellation is polled inside the fit (blocks of rows, Boruvka rounds), not only before it starts. */
    @Test
    void aFitCancelledWhileRunningStops() {
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i % 3 * 10 + i * 1e-3, i % 7};
        }
        HdbscanAlgorithm hdbscan = new HdbscanAlgorithm();
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> hdbscan.fit(DataMatrix.ofRows(rows), hdbscan.descriptor().resolve(
                Map.of("minClusterSize", 20)), 1L, FitContext.cancellable(() -> polls.incrementAndGet() > 2)))
                .isInstanceOf(FitCancelledException.class);
        assertThat(polls.get()).isEqualTo(3);
    }
}
