package com.segments.algorithms.hdbscan;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The minimum spanning tree of the mutual-reachability graph by Boruvka rounds over a {@link BoruvkaTree}: in every
 * round each component takes its cheapest edge to another component, so there are at most log2(n) rounds and
 * memory stays O(n) (the n x n graph is never written down).
 *
 * <p>Edges are ordered by (weight, lower end, higher end), a total order, so the tree is the same on any number of
 * threads and whatever order the queries ran in. Within a round, the cheapest edge known for a component so far
 * (shared between threads) prunes the other queries of that component; pruning is strict, so no edge that could
 * win or tie is ever skipped. Before its rows are queried one by one, a leaf whose rows share a component is
 * checked once against that component's bound ({@link BoruvkaTree#mayReachOtherComponent}). In the late rounds, with
 * a few large components, most leaves lie deep inside theirs and cannot beat the edge already known, yet each of
 * their rows searched the tree up to that bound; skipping such leaves whole made the rounds about 3x faster on 100k x
 * 8 blobs with noise. A skipped row is one whose query would have found nothing, so the tree is unchanged.
 */
final class MutualReachabilityMst {

    private MutualReachabilityMst() {
    }

    /** The n - 1 edges: ends {@code from[e]}, {@code to[e]} (original rows) and weight (a distance, not squared). */
    record Edges(int[] from, int[] to, double[] weight) {
    }

    /** The tree over rows whose {@link BoruvkaTree#setCoreSquared core distances} are set. */
    static Edges of(BoruvkaTree tree, Workers workers) {
        int n = tree.size;
        UnionFind components = new UnionFind(n);
        Edges edges = new Edges(new int[n - 1], new int[n - 1], new double[n - 1]);
        int added = 0;
        int[] componentByPosition = new int[n];
        double[] bestSquared = new double[n];
        int[] bestTo = new int[n];
        while (added < n - 1) {
            workers.checkCancelled();
            int count = label(tree, components, componentByPosition);
            tree.beginRound(componentByPosition);
            search(tree, componentByPosition, count, bestSquared, bestTo, workers);
            int before = added;
            added = join(tree, componentByPosition, count, bestSquared, bestTo, components, edges, added);
            if (added == before) {
                throw new IllegalStateException("a Boruvka round added no edge with " + count + " components left");
            }
        }
        return edges;
    }

    /** Numbers the components 0..count-1 (in order of first tree position) and returns count. */
    private static int label(BoruvkaTree tree, UnionFind components, int[] componentByPosition) {
        int n = tree.size;
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int count = 0;
        for (int p = 0; p < n; p++) {
            int root = components.find(tree.ids[p]);
            if (number[root] < 0) {
                number[root] = count++;
            }
            componentByPosition[p] = number[root];
        }
        return count;
    }

    private static void search(BoruvkaTree tree, int[] componentByPosition, int count, double[] bestSquared,
                               int[] bestTo, Workers workers) {
        AtomicLongArray bound = new AtomicLongArray(count);
        long infinity = Double.doubleToLongBits(Double.POSITIVE_INFINITY);
        for (int c = 0; c < count; c++) {
            bound.set(c, infinity);
        }
        workers.forEachBlock(tree.size, b -> {
            BoruvkaTree.Best best = new BoruvkaTree.Best();
            int end = Math.min(tree.size, (b + 1) * Workers.BLOCK);
            for (int p = b * Workers.BLOCK; p < end; ) {
                int leafEnd = Math.min(end, tree.end(tree.leafOf(p)));
                if (tree.mayReachOtherComponent(tree.leafOf(p), Double.longBitsToDouble(bound.get(componentByPosition[p])))) {
                    for (; p < leafEnd; p++) {
                        query(tree, p, componentByPosition[p], bound, best, bestSquared, bestTo);
                    }
                } else {
                    Arrays.fill(bestTo, p, leafEnd, -1);
                    p = leafEnd;
                }
            }
        });
    }

    /** The cheapest edge from tree position p to another component into bestSquared/bestTo, or bestTo[p] = -1. */
    private static void query(BoruvkaTree tree, int p, int c, AtomicLongArray bound, BoruvkaTree.Best best,
                              double[] bestSquared, int[] bestTo) {
        double known = Double.longBitsToDouble(bound.get(c));
        bestTo[p] = -1;
        if (tree.coreSquared[p] > known) {
            return;
        }
        best.reset(known);
        tree.nearestOtherComponent(p, best);
        if (best.id != Integer.MAX_VALUE) {
            bestSquared[p] = best.squared;
            bestTo[p] = best.id;
            lower(bound, c, best.squared);
        }
    }

    /** Lowers a shared bound (non-negative doubles order as their bits do). */
    private static void lower(AtomicLongArray bound, int c, double value) {
        long bits = Double.doubleToLongBits(value);
        long current = bound.get(c);
        while (bits < current && !bound.compareAndSet(c, current, bits)) {
            current = bound.get(c);
        }
    }

    /** Each component's cheapest edge by the total order, added unless an earlier one of this round joined them. */
    private static int join(BoruvkaTree tree, int[] componentByPosition, int count, double[] bestSquared, int[] bestTo,
                            UnionFind components, Edges edges, int added) {
        int[] from = new int[count];
        int[] to = new int[count];
        double[] weight = new double[count];
        Arrays.fill(from, -1);
        for (int p = 0; p < tree.size; p++) {
            if (bestTo[p] < 0) {
                continue;
            }
            int c = componentByPosition[p];
            int a = Math.min(tree.ids[p], bestTo[p]);
            int z = Math.max(tree.ids[p], bestTo[p]);
            if (from[c] < 0 || cheaper(bestSquared[p], a, z, weight[c], from[c], to[c])) {
                from[c] = a;
                to[c] = z;
                weight[c] = bestSquared[p];
            }
        }
        for (int c = 0; c < count; c++) {
            if (from[c] >= 0 && components.union(from[c], to[c])) {
                edges.from()[added] = from[c];
                edges.to()[added] = to[c];
                edges.weight()[added] = Math.sqrt(weight[c]);
                added++;
            }
        }
        return added;
    }

    private static boolean cheaper(double w, int a, int z, double otherW, int otherA, int otherZ) {
        return w < otherW || (w == otherW && (a < otherA || (a == otherA && z < otherZ)));
    }
}
