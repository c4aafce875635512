package com.segments.algorithms.hdbscan;

/**
 * Core distance of every row: the distance to its {@code minSamples}-th nearest row counting the row itself, as
 * scikit-learn's HDBSCAN defines it (so {@code minSamples = 1} gives 0 and plain single linkage).
 */
final class CoreDistances {

    private CoreDistances() {
    }

    /** Squared core distances by original row (squared, so that mutual reachability compares exactly). */
    static double[] squared(BoruvkaTree tree, int minSamples, Workers workers) {
        double[] core = new double[tree.size];
        // one scratch per thread, not per block: it holds a double per row
        ThreadLocal<BoruvkaTree.KnnScratch> scratches =
                ThreadLocal.withInitial(() -> new BoruvkaTree.KnnScratch(minSamples, tree.size, tree.dimensions));
        workers.forEachBlock(tree.size, b -> {
            BoruvkaTree.KnnScratch scratch = scratches.get();
            for (int p = b * Workers.BLOCK, end = Math.min(tree.size, p + Workers.BLOCK); p < end; p++) {
                core[tree.ids[p]] = tree.kthNearestSquared(p, minSamples, scratch);
            }
        });
        return core;
    }
}
