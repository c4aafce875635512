package com.segments.algorithms.hdbscan;

/**
 * The single-linkage dendrogram of a minimum spanning tree: its edges by increasing weight (ties by lower, then
 * higher end), each joining two clusters into a new one. Rows are nodes 0..n-1, merge {@code m} is node {@code n + m}.
 *
 * <p>Which child is "left" only decides how clusters are numbered, but scikit-learn's numbering is worth keeping
 * (labels then match its labels exactly, not only up to a renaming): its Prim tree grows from row 0 and each edge
 * runs from the row already in the tree, so the left child is the side of the edge nearer row 0 along the tree.
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
        int[][] oriented = orientFromRowZero(edges, n);
        int[] from = oriented[0];
        int[] to = oriented[1];
        double[] weight = edges.weight();
        int[] lowEnd = edges.from();
        int[] highEnd = edges.to();
        java.util.Arrays.sort(order, (a, b) -> {
            int byWeight = Double.compare(weight[a], weight[b]);
            if (byWeight != 0) {
                return byWeight;
            }
            return lowEnd[a] != lowEnd[b] ? Integer.compare(lowEnd[a], lowEnd[b]) : Integer.compare(highEnd[a], highEnd[b]);
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

    /** Each edge's ends as (nearer row 0 along the tree, farther): a breadth-first walk of the tree from row 0. */
    private static int[][] orientFromRowZero(MutualReachabilityMst.Edges edges, int n) {
        int m = n - 1;
        int[] degree = new int[n + 1];
        for (int e = 0; e < m; e++) {
            degree[edges.from()[e] + 1]++;
            degree[edges.to()[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            degree[i + 1] += degree[i];
        }
        int[] incident = new int[2 * m];
        int[] filled = java.util.Arrays.copyOf(degree, n);
        for (int e = 0; e < m; e++) {
            incident[filled[edges.from()[e]]++] = e;
            incident[filled[edges.to()[e]]++] = e;
        }
        int[] near = new int[m];
        int[] far = new int[m];
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            int row = queue[head++];
            for (int k = degree[row]; k < degree[row + 1]; k++) {
                int e = incident[k];
                int other = edges.from()[e] == row ? edges.to()[e] : edges.from()[e];
                if (!seen[other]) {
                    seen[other] = true;
                    near[e] = row;
                    far[e] = other;
                    queue[tail++] = other;
                }
            }
        }
        return new int[][] {near, far};
    }

    /** Rows under node {@code node}. */
    static int sizeOf(SingleLinkage tree, int node, int n) {
        return node < n ? 1 : tree.size[node - n];
    }
}
