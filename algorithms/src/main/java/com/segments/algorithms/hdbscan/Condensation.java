package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.CondensedTree;

import java.util.Arrays;

/**
 * Condenses a single-linkage dendrogram into HDBSCAN's cluster tree, walking it breadth first from the top as
 * scikit-learn's {@code _condense_tree} does (so clusters are numbered in the same order): a split where both sides
 * have at least {@code minClusterSize} rows makes two child clusters; a side smaller than that loses its rows
 * (each falling out at the split's lambda) and the other side continues the parent cluster.
 */
final class Condensation {

    private final SingleLinkage linkage;
    private final int n;
    private final int minClusterSize;
    private int[] parent;
    private int[] child;
    private double[] lambda;
    private int[] size;
    private int edges;

    private Condensation(SingleLinkage linkage, int n, int minClusterSize) {
        this.linkage = linkage;
        this.n = n;
        this.minClusterSize = minClusterSize;
        int capacity = n + 16;
        parent = new int[capacity];
        child = new int[capacity];
        lambda = new double[capacity];
        size = new int[capacity];
    }

    static CondensedTree of(SingleLinkage linkage, int n, int minClusterSize) {
        Condensation c = new Condensation(linkage, n, minClusterSize);
        c.condense();
        return new CondensedTree(n, Arrays.copyOf(c.parent, c.edges), Arrays.copyOf(c.child, c.edges),
                Arrays.copyOf(c.lambda, c.edges), Arrays.copyOf(c.size, c.edges));
    }

    private void condense() {
        if (n == 1) {
            add(n, 0, 0.0, 1);
            return;
        }
        int top = 2 * n - 2;
        int[] queue = new int[n];
        int[] clusterOf = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail] = top;
        clusterOf[tail++] = n;
        int nextLabel = n + 1;
        while (head < tail) {
            int node = queue[head];
            int cluster = clusterOf[head++];
            int m = node - n;
            int left = linkage.left()[m];
            int right = linkage.right()[m];
            double distance = linkage.distance()[m];
            double lambdaValue = distance > 0 ? 1.0 / distance : Double.POSITIVE_INFINITY;
            int leftCount = SingleLinkage.sizeOf(linkage, left, n);
            int rightCount = SingleLinkage.sizeOf(linkage, right, n);
            boolean leftBig = leftCount >= minClusterSize;
            boolean rightBig = rightCount >= minClusterSize;
            if (leftBig && rightBig) {
                for (int side : new int[] {left, right}) {
                    int label = nextLabel++;
                    add(cluster, label, lambdaValue, SingleLinkage.sizeOf(linkage, side, n));
                    tail = enqueue(queue, clusterOf, tail, side, label);
                }
            } else {
                for (int side : new int[] {left, right}) {
                    if (side == left ? leftBig : rightBig) {
                        tail = enqueue(queue, clusterOf, tail, side, cluster);
                    } else {
                        fallOut(side, cluster, lambdaValue);
                    }
                }
            }
        }
    }

    /** Queues a merge node to continue {@code cluster}; a single row continuing a cluster falls out at once. */
    private int enqueue(int[] queue, int[] clusterOf, int tail, int node, int cluster) {
        if (node < n) {
            // a one-row cluster (minClusterSize 1): the row stays until the end, lambda infinite
            add(cluster, node, Double.POSITIVE_INFINITY, 1);
            return tail;
        }
        queue[tail] = node;
        clusterOf[tail] = cluster;
        return tail + 1;
    }

    /** Every row under {@code node} leaves {@code cluster} at {@code lambdaValue}. */
    private void fallOut(int node, int cluster, double lambdaValue) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = node;
        while (top > 0) {
            int current = stack[--top];
            if (current < n) {
                add(cluster, current, lambdaValue, 1);
                continue;
            }
            if (top + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = linkage.right()[current - n];
            stack[top++] = linkage.left()[current - n];
        }
    }

    private void add(int p, int c, double l, int s) {
        if (edges == parent.length) {
            int capacity = parent.length * 2;
            parent = Arrays.copyOf(parent, capacity);
            child = Arrays.copyOf(child, capacity);
            lambda = Arrays.copyOf(lambda, capacity);
            size = Arrays.copyOf(size, capacity);
        }
        parent[edges] = p;
        child[edges] = c;
        lambda[edges] = l;
        size[edges] = s;
        edges++;
    }
}
