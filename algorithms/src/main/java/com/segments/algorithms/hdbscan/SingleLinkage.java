package com.segments.algorithms.hdbscan;

/**
 * The single-linkage dendrogram of a minimum spanning tree: its edges by increasing weight (ties by lower, then
 * higher end), each joining two clusters into a new one. Rows are nodes 0..n-1, merge {@code m} is node {@code n + m}.
 *
 * @param left     first child of each merge (the cluster holding the edge's lower end)
 * @param right    second child of each merge
 * @param distance the merge's edge weight
 * @param size     rows under each merge
 */
record SingleLinkage(int[] left, int[] right, double[] distance, int[] size) {

    static SingleLinkage of(MutualReachabilityMst.Edges edges, int n) {
        int m = n - 1;
        Integer[] order = new Integer[m];
        for (int e = 0; e < m; e++) {
            order[e] = e;
        }
        int[] from = edges.from();
        int[] to = edges.to();
        double[] weight = edges.weight();
        java.util.Arrays.sort(order, (a, b) -> {
            int byWeight = Double.compare(weight[a], weight[b]);
            if (byWeight != 0) {
                return byWeight;
            }
            return from[a] != from[b] ? Integer.compare(from[a], from[b]) : Integer.compare(to[a], to[b]);
        });
        UnionFind sets = new UnionFind(n);
        int[] nodeOfRoot = new int[n];
        for (int i = 0; i < n; i++) {
            nodeOfRoot[i] = i;
        }
        SingleLinkage tree = new SingleLinkage(new int[m], new int[m], new double[m], new int[m]);
        for (int k = 0; k < m; k++) {
            int e = order[k];
            int a = sets.find(from[e]);
            int b = sets.find(to[e]);
            tree.left[k] = nodeOfRoot[a];
            tree.right[k] = nodeOfRoot[b];
            tree.distance[k] = weight[e];
            tree.size[k] = sizeOf(tree, nodeOfRoot[a], n) + sizeOf(tree, nodeOfRoot[b], n);
            sets.union(a, b);
            nodeOfRoot[sets.find(a)] = n + k;
        }
        return tree;
    }

    /** Rows under node {@code node}. */
    static int sizeOf(SingleLinkage tree, int node, int n) {
        return node < n ? 1 : tree.size[node - n];
    }
}
