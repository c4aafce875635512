package com.segments.domain.cluster;

import java.util.Arrays;

/**
 * HDBSCAN's condensed cluster tree as plain arrays, one row per edge: a cluster's child cluster (born at
 * {@code lambda}, with {@code size} rows) or a row falling out of a cluster at {@code lambda} (size 1). Rows are
 * nodes {@code 0..n-1}, the root cluster is {@code n}, and every cluster's id is above its parent's. Lambda is
 * 1 / distance (infinite for distance 0).
 *
 * @param points number of rows {@code n}
 * @param parent parent cluster of each edge
 * @param child  child (row or cluster) of each edge
 * @param lambda lambda of each edge
 * @param size   rows under each child
 */
public record CondensedTree(int points, int[] parent, int[] child, double[] lambda, int[] size) {

    public CondensedTree {
        int m = parent.length;
        if (points < 1 || child.length != m || lambda.length != m || size.length != m) {
            throw new IllegalArgumentException("a condensed tree needs rows >= 1 and as many children, lambdas and sizes "
                    + "as parents; got " + points + " rows, " + m + " parents, " + child.length + " children, "
                    + lambda.length + " lambdas, " + size.length + " sizes");
        }
        boolean[] seen = new boolean[points];
        for (int e = 0; e < m; e++) {
            if (parent[e] < points || child[e] < 0 || (child[e] >= points && child[e] <= parent[e])
                    || !(lambda[e] >= 0) || size[e] < 1) {
                throw new IllegalArgumentException("condensed tree edge " + e + " (" + parent[e] + " -> " + child[e]
                        + ", lambda " + lambda[e] + ", size " + size[e] + ") is not a valid edge over " + points + " rows");
            }
            if (child[e] < points) {
                if (seen[child[e]]) {
                    throw new IllegalArgumentException("row " + child[e] + " falls out of the condensed tree twice");
                }
                seen[child[e]] = true;
            }
        }
        for (int i = 0; i < points; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException("row " + i + " never falls out of the condensed tree");
            }
        }
        parent = parent.clone();
        child = child.clone();
        lambda = lambda.clone();
        size = size.clone();
    }

    /** The root cluster's id ({@code points}). */
    public int root() {
        return points;
    }

    /** Number of clusters, the root included: ids {@code root() .. root() + clusters() - 1}. */
    public int clusters() {
        int largest = points;
        for (int e = 0; e < parent.length; e++) {
            largest = Math.max(largest, Math.max(parent[e], child[e]));
        }
        return largest - points + 1;
    }

    /** Per cluster (index id - root), its parent cluster (-1 for the root). */
    public int[] clusterParents() {
        int[] out = new int[clusters()];
        Arrays.fill(out, -1);
        for (int e = 0; e < parent.length; e++) {
            if (child[e] >= points) {
                out[child[e] - points] = parent[e];
            }
        }
        return out;
    }

    /** Per cluster (index id - root), the lambda it was born at (0 for the root). */
    public double[] births() {
        double[] out = new double[clusters()];
        for (int e = 0; e < parent.length; e++) {
            if (child[e] >= points) {
                out[child[e] - points] = lambda[e];
            }
        }
        return out;
    }

    /** Per cluster (index id - root), the largest lambda of its own edges (rows and child clusters), 0 if none. */
    public double[] maxLambdas() {
        double[] out = new double[clusters()];
        for (int e = 0; e < parent.length; e++) {
            out[parent[e] - points] = Math.max(out[parent[e] - points], lambda[e]);
        }
        return out;
    }

    /** {@link #maxLambdas()} taken over each cluster's whole subtree: the lambda its last row leaves at (GLOSH). */
    public double[] subtreeMaxLambdas() {
        double[] out = maxLambdas();
        int[] parents = clusterParents();
        for (int c = out.length - 1; c > 0; c--) {
            int p = parents[c] - points;
            out[p] = Math.max(out[p], out[c]);
        }
        return out;
    }

    /** Per row, the edge it falls out at. */
    public int[] rowEdges() {
        int[] out = new int[points];
        for (int e = 0; e < parent.length; e++) {
            if (child[e] < points) {
                out[child[e]] = e;
            }
        }
        return out;
    }

    /**
     * GLOSH outlier score of every row (Campello et al. 2015, as the hdbscan library computes it): 1 - lambda of the
     * row / the largest lambda in the subtree of the cluster it falls out of ({@link #glosh}).
     */
    public double[] outlierScores() {
        double[] deaths = subtreeMaxLambdas();
        double[] out = new double[points];
        for (int e = 0; e < parent.length; e++) {
            if (child[e] < points) {
                out[child[e]] = glosh(lambda[e], deaths[parent[e] - points]);
            }
        }
        return out;
    }

    /**
     * GLOSH score of a row leaving at {@code lambda} a cluster whose subtree's largest lambda is {@code deepest}:
     * {@code (deepest - lambda) / deepest}; 0 when {@code deepest} is 0 or {@code lambda} infinite (as the hdbscan
     * library). Where the library would divide infinity by infinity (duplicate rows make a lambda infinite, and a
     * finite row of that cluster gets NaN), the limit 1 is given instead.
     */
    public static double glosh(double lambda, double deepest) {
        if (deepest == 0 || Double.isInfinite(lambda)) {
            return 0;
        }
        return Double.isInfinite(deepest) ? 1 : (deepest - lambda) / deepest;
    }

    @Override
    public int[] parent() {
        return parent.clone();
    }

    @Override
    public int[] child() {
        return child.clone();
    }

    @Override
    public double[] lambda() {
        return lambda.clone();
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CondensedTree other && points == other.points && Arrays.equals(parent, other.parent)
                && Arrays.equals(child, other.child) && Arrays.equals(lambda, other.lambda) && Arrays.equals(size, other.size);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * points + Arrays.hashCode(parent)) + Arrays.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "CondensedTree[rows=" + points + ", edges=" + parent.length + "]";
    }
}
