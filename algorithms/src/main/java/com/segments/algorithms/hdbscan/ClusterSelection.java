package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.CondensedTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which clusters of a condensed tree become segments, and each row's label and membership, with scikit-learn's
 * rules ({@code allow_single_cluster=False}, so the root is never chosen):
 * <ul>
 *   <li>excess of mass: bottom up (highest id first), a cluster is kept when its stability is at least the sum of
 *   its children's (strictly more in the children wins), which then carries up as its stability;</li>
 *   <li>leaf: every cluster without child clusters;</li>
 *   <li>a selection epsilon replaces a chosen cluster born below that distance by its nearest ancestor born
 *   above it (never the root).</li>
 * </ul>
 * A row's label is its nearest chosen ancestor cluster (noise if none); its membership is
 * min(lambda, max lambda of that cluster) / max lambda, 1 when that maximum is 0 or the row's lambda infinite.
 */
final class ClusterSelection {

    /** Selection methods. */
    enum Method { EXCESS_OF_MASS, LEAF }

    /** Chosen cluster ids (ascending: segment s is {@code clusters[s]}), labels and memberships of every row. */
    record Result(int[] clusters, int[] labels, double[] membership) {
    }

    private final CondensedTree tree;
    private final int root;
    private final int count;
    private final int[] parentOf;
    private final double[] birth;
    private final int[][] children;

    private ClusterSelection(CondensedTree tree) {
        this.tree = tree;
        this.root = tree.root();
        this.count = tree.clusters();
        this.parentOf = tree.clusterParents();
        this.birth = tree.births();
        int[] childCount = new int[count];
        for (int c = 1; c < count; c++) {
            childCount[parentOf[c] - root]++;
        }
        children = new int[count][];
        for (int c = 0; c < count; c++) {
            children[c] = new int[childCount[c]];
        }
        int[] filled = new int[count];
        for (int c = 1; c < count; c++) {
            int p = parentOf[c] - root;
            children[p][filled[p]++] = c;
        }
    }

    static Result select(CondensedTree tree, Method method, double epsilon) {
        ClusterSelection s = new ClusterSelection(tree);
        boolean[] chosen = method == Method.LEAF ? s.leaves() : s.excessOfMass();
        if (epsilon > 0 && s.count > 1) {
            chosen = s.epsilonSearch(chosen, epsilon);
        }
        return s.label(chosen);
    }

    /** Stability of each cluster: sum over its edges of (lambda - its birth) x rows of the edge. */
    private double[] stabilities() {
        double[] stability = new double[count];
        int[] parent = tree.parent();
        double[] lambda = tree.lambda();
        int[] size = tree.size();
        for (int e = 0; e < parent.length; e++) {
            int p = parent[e] - root;
            stability[p] += (lambda[e] - birth[p]) * size[e];
        }
        return stability;
    }

    private boolean[] excessOfMass() {
        double[] stability = stabilities();
        boolean[] chosen = new boolean[count];
        Arrays.fill(chosen, 1, count, true);
        for (int c = count - 1; c >= 1; c--) {
            double subtree = 0;
            for (int child : children[c]) {
                subtree += stability[child];
            }
            if (subtree > stability[c]) {
                chosen[c] = false;
                stability[c] = subtree;
            } else {
                unchooseBelow(c, chosen);
            }
        }
        return chosen;
    }

    private void unchooseBelow(int c, boolean[] chosen) {
        for (int child : children[c]) {
            chosen[child] = false;
            unchooseBelow(child, chosen);
        }
    }

    private boolean[] leaves() {
        boolean[] chosen = new boolean[count];
        for (int c = 1; c < count; c++) {
            chosen[c] = children[c].length == 0;
        }
        return chosen;
    }

    /**
     * scikit-learn's {@code epsilon_search}: a chosen cluster born at a distance below epsilon gives way to the first
     * ancestor born at a distance above it (or to itself when its parent is the root); the chosen clusters are visited
     * in ascending id, and one already under an earlier replacement is skipped.
     */
    private boolean[] epsilonSearch(boolean[] chosen, double epsilon) {
        boolean[] out = new boolean[count];
        boolean[] processed = new boolean[count];
        for (int c = 1; c < count; c++) {
            if (!chosen[c]) {
                continue;
            }
            if (1.0 / birth[c] < epsilon) {
                if (!processed[c]) {
                    int replacement = upwards(c, epsilon);
                    out[replacement] = true;
                    markBelow(replacement, processed);
                }
            } else {
                out[c] = true;
            }
        }
        return out;
    }

    private int upwards(int c, double epsilon) {
        while (true) {
            int p = parentOf[c] - root;
            if (p == 0) {
                return c;
            }
            if (1.0 / birth[p] > epsilon) {
                return p;
            }
            c = p;
        }
    }

    private void markBelow(int c, boolean[] processed) {
        for (int child : children[c]) {
            processed[child] = true;
            markBelow(child, processed);
        }
    }

    private Result label(boolean[] chosen) {
        List<Integer> ids = new ArrayList<>();
        int[] segmentOf = new int[count];
        for (int c = 0; c < count; c++) {
            segmentOf[c] = Assignment.NOISE;
            if (chosen[c]) {
                segmentOf[c] = ids.size();
                ids.add(c);
            } else if (c > 0) {
                segmentOf[c] = segmentOf[parentOf[c] - root];
            }
        }
        int[] clusters = ids.stream().mapToInt(c -> c + root).toArray();
        double[] maxLambda = tree.maxLambdas();
        int[] parent = tree.parent();
        int[] child = tree.child();
        double[] lambda = tree.lambda();
        int[] labels = new int[tree.points()];
        double[] membership = new double[tree.points()];
        for (int e = 0; e < parent.length; e++) {
            if (child[e] >= root) {
                continue;
            }
            int segment = segmentOf[parent[e] - root];
            labels[child[e]] = segment;
            if (segment != Assignment.NOISE) {
                double max = maxLambda[clusters[segment] - root];
                membership[child[e]] = max == 0 || Double.isInfinite(lambda[e]) ? 1.0 : Math.min(lambda[e], max) / max;
            }
        }
        return new Result(clusters, labels, membership);
    }
}
