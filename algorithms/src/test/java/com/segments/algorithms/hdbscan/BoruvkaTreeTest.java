package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.FitContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree's two searches against brute force on blobs with uniform noise, where the k-nearest scans stop above the
 * leaves and the Boruvka rounds skip whole leaves: core distances bit for bit equal to sorting every row's squared
 * distances, and the minimum spanning tree as heavy as Prim's over the full mutual-reachability matrix. Rows
 * rounded to a coarse grid give the ties (equal distances, duplicate rows) where a pruning mistake would show.
 */
class BoruvkaTreeTest {

    @ParameterizedTest
    @CsvSource({"1500, 8, 10, 1", "1500, 8, 10, 4", "2000, 3, 25, 1", "600, 2, 5, 2"})
    void coreDistancesAndTreeEqualBruteForce(int rows, int dimensions, int minSamples, int threads) {
        double[] x = blobsWithNoise(rows, dimensions, 7L);
        double[] expectedCore = bruteForceCoreSquared(x, dimensions, minSamples);
        try (Workers workers = new Workers(threads, FitContext.NONE)) {
            BoruvkaTree tree = new BoruvkaTree(x, dimensions);
            double[] core = CoreDistances.squared(tree, minSamples, workers);
            assertThat(core).containsExactly(expectedCore);

            tree.setCoreSquared(core);
            MutualReachabilityMst.Edges edges = MutualReachabilityMst.of(tree, workers);
            double[] weights = edges.weight().clone();
            Arrays.sort(weights);
            assertThat(weights).containsExactly(primWeights(x, dimensions, core));
            assertThat(spans(edges, rows)).isTrue();
        }
    }

    /**
     * A leaf skipped by the Boruvka filter must have no edge to another component within the bound: with components
     * made of runs of tree positions, every leaf is asked about exactly the cheapest edge any of its rows has (brute
     * force), which it must be able to reach.
     */
    @ParameterizedTest
    @CsvSource({"1500, 8, 10, 60", "2000, 3, 25, 300", "600, 2, 5, 37"})
    void noLeafIsSkippedThatHoldsAnEdgeWithinTheBound(int rows, int dimensions, int minSamples, int run) {
        double[] x = blobsWithNoise(rows, dimensions, 11L);
        BoruvkaTree tree = new BoruvkaTree(x, dimensions);
        double[] core = bruteForceCoreSquared(x, dimensions, minSamples);
        tree.setCoreSquared(core);
        int[] component = new int[rows];
        for (int p = 0; p < rows; p++) {
            component[p] = p / run;
        }
        tree.beginRound(component);
        int checked = 0;
        int skipped = 0;
        for (int p = 0; p < rows; p = tree.end(tree.leafOf(p))) {
            int leaf = tree.leafOf(p);
            double cheapest = Double.POSITIVE_INFINITY;
            for (int a = p; a < tree.end(leaf); a++) {
                for (int b = 0; b < rows; b++) {
                    if (component[b] != component[a]) {
                        double mr = Math.max(Math.max(tree.coreSquared[a], tree.coreSquared[b]),
                                squared(tree.points, dimensions, a, b));
                        cheapest = Math.min(cheapest, mr);
                    }
                }
            }
            assertThat(tree.mayReachOtherComponent(leaf, cheapest)).as("leaf at %d", p).isTrue();
            if (!tree.mayReachOtherComponent(leaf, cheapest / 4)) {
                skipped++; // well inside every edge it has: a filter that never skips would not count here
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(rows / 30);
        assertThat(skipped).as("leaves the filter skips with a quarter of their cheapest edge").isPositive();
    }

    /** Gaussian blobs, a fifth of the rows uniform noise, all on a grid of 0.25. */
    private static double[] blobsWithNoise(int rows, int dimensions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[4][dimensions];
        for (double[] centre : centres) {
            for (int j = 0; j < dimensions; j++) {
                centre[j] = random.nextDouble(-8, 8);
            }
        }
        double[] x = new double[rows * dimensions];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dimensions; j++) {
                double v = i % 5 == 4 ? random.nextDouble(-10, 10) : centres[i % 4][j] + random.nextGaussian();
                x[i * dimensions + j] = Math.round(v * 4) / 4.0;
            }
        }
        return x;
    }

    private static double squared(double[] x, int d, int a, int b) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = x[a * d + j] - x[b * d + j];
            sum += diff * diff;
        }
        return sum;
    }

    private static double[] bruteForceCoreSquared(double[] x, int d, int minSamples) {
        int n = x.length / d;
        double[] core = new double[n];
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                all[p] = squared(x, d, i, p);
            }
            Arrays.sort(all);
            core[i] = all[minSamples - 1];
        }
        return core;
    }

    /** Prim's algorithm on the dense mutual-reachability graph; the sorted weights (distances, not squared). */
    private static double[] primWeights(double[] x, int d, double[] coreSquared) {
        int n = x.length / d;
        boolean[] inTree = new boolean[n];
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] weights = new double[n - 1];
        int current = 0;
        inTree[0] = true;
        for (int added = 0; added < n - 1; added++) {
            int next = -1;
            for (int p = 0; p < n; p++) {
                if (inTree[p]) {
                    continue;
                }
                double mr = Math.max(Math.max(coreSquared[current], coreSquared[p]), squared(x, d, current, p));
                best[p] = Math.min(best[p], mr);
                if (next < 0 || best[p] < best[next]) {
                    next = p;
                }
            }
            weights[added] = Math.sqrt(best[next]);
            inTree[next] = true;
            current = next;
        }
        Arrays.sort(weights);
        return weights;
    }

    private static boolean spans(MutualReachabilityMst.Edges edges, int n) {
        UnionFind components = new UnionFind(n);
        for (int e = 0; e < edges.from().length; e++) {
            if (!components.union(edges.from()[e], edges.to()[e])) {
                return false;
            }
        }
        return true;
    }
}
