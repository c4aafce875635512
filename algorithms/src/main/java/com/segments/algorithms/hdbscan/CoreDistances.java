package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.KdTree;

/**
 * Core distance of every row: the distance to its {@code minSamples}-th nearest row counting the row itself, as
 * scikit-learn's HDBSCAN defines it (so {@code minSamples = 1} gives 0 and plain single linkage).
 */
final class CoreDistances {

    private CoreDistances() {
    }

    /** Squared core distances, row by row (squared, so that mutual reachability compares exactly). */
    static double[] squared(double[] rows, int dimensions, int minSamples, KdTree tree, Workers workers) {
        int n = rows.length / dimensions;
        double[] core = new double[n];
        workers.forEachBlock(n, b -> {
            int[] neighbours = new int[minSamples];
            double[] distances = new double[minSamples];
            for (int i = b * Workers.BLOCK, end = Math.min(n, i + Workers.BLOCK); i < end; i++) {
                int found = tree.nearest(rows, i * dimensions, minSamples, null, 0, neighbours, distances);
                core[i] = distances[found - 1];
            }
        });
        return core;
    }
}
