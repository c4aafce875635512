package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.RowSelection;

import java.util.Arrays;

/**
 * A k-d tree with explicit nodes and bounding boxes, made for the Boruvka rounds of the mutual-reachability minimum
 * spanning tree. Besides the boxes it keeps per node two facts that change every round: the component all its points
 * share (or -1) and the smallest core distance among them. A query for a point's nearest other-component row by
 * mutual reachability skips a node whose points are all in the query's component, and a node whose box, whose
 * smallest core distance or whose query's own core distance is already worse than the best edge known.
 *
 * <p>Distances are squared throughout (mutual reachability squared is the largest of the three squares), so the
 * order of edges is exact and the square root is taken once per MST edge. The tree is read-only during a round:
 * queries from many threads share it. The rows are kept twice, row by row for the Boruvka queries and column by
 * column for the k-nearest scans (n x d more doubles, 64 MB at 1M x 8).
 */
final class BoruvkaTree {

    private static final int LEAF = 24;

    /**
     * The k-nearest search scans a node's rows without descending further once it holds at most this many: the scan
     * is a loop the JIT turns into vector instructions ({@link #scanColumns}), so reading a few more rows costs less
     * than the box distances of the nodes below. On 100k x 8 blobs with noise and k = 50, with the loop reading row
     * by row with an early exit, stopping at about 50 rows instead of the 24-row leaves halved the core distances'
     * CPU time; with the vectorized loop 100 to 200 were alike, 400 slower.
     */
    private static final int SCAN = 128;

    final int dimensions;
    final int size;
    /** Rows in tree order. */
    final double[] points;
    /** The same rows column by column ({@code columns[j][p]}), for the k-nearest scans. */
    final double[][] columns;
    /** Original row index of each tree position. */
    final int[] ids;
    /** Squared core distance of each tree position. */
    final double[] coreSquared;
    private final int[] start;
    private final int[] end;
    private final int[] left;
    private final double[] lower;
    private final double[] upper;
    private final int nodes;
    /** The leaf of every tree position. */
    private final int[] leafOf;
    private final int[] nodeComponent;
    private final double[] nodeMinCore;
    /** This round's component of every tree position. */
    private int[] components;

    BoruvkaTree(double[] rows, int dimensions) {
        this.dimensions = dimensions;
        this.size = rows.length / dimensions;
        this.points = rows.clone();
        this.ids = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        // leaves hold more than LEAF / 2 rows (a split halves a range of more than LEAF), so at most this many nodes
        int capacity = 2 * (size / (LEAF / 2) + 2);
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        lower = new double[capacity * dimensions];
        upper = new double[capacity * dimensions];
        nodes = build();
        columns = new double[dimensions][size];
        for (int p = 0; p < size; p++) {
            for (int j = 0; j < dimensions; j++) {
                columns[j][p] = points[p * dimensions + j];
            }
        }
        leafOf = new int[size];
        for (int node = 0; node < nodes; node++) {
            if (left[node] < 0) {
                Arrays.fill(leafOf, start[node], end[node], node);
            }
        }
        coreSquared = new double[size];
        nodeComponent = new int[nodes];
        nodeMinCore = new double[nodes];
    }

    /** Builds the nodes in pre-order (a child's index is above its parent's); returns how many there are. */
    private int build() {
        int[] stack = new int[128];
        int top = 0;
        int count = 1;
        start[0] = 0;
        end[0] = size;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            box(node);
            if (end[node] - start[node] <= LEAF) {
                left[node] = -1;
                continue;
            }
            int split = widest(node);
            int middle = (start[node] + end[node]) >>> 1;
            RowSelection.select(points, dimensions, split, start[node], end[node] - 1, middle, this::swap);
            int l = count++;
            int r = count++;
            left[node] = l;
            start[l] = start[node];
            end[l] = middle;
            start[r] = middle;
            end[r] = end[node];
            if (top + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = r;
            stack[top++] = l;
        }
        return count;
    }

    private void box(int node) {
        int base = node * dimensions;
        Arrays.fill(lower, base, base + dimensions, Double.POSITIVE_INFINITY);
        Arrays.fill(upper, base, base + dimensions, Double.NEGATIVE_INFINITY);
        for (int p = start[node]; p < end[node]; p++) {
            for (int j = 0; j < dimensions; j++) {
                double v = points[p * dimensions + j];
                lower[base + j] = Math.min(lower[base + j], v);
                upper[base + j] = Math.max(upper[base + j], v);
            }
        }
    }

    private int widest(int node) {
        int best = 0;
        double spread = -1;
        for (int j = 0; j < dimensions; j++) {
            double s = upper[node * dimensions + j] - lower[node * dimensions + j];
            if (s > spread) {
                spread = s;
                best = j;
            }
        }
        return best;
    }

    private void swap(int a, int b) {
        for (int j = 0; j < dimensions; j++) {
            double t = points[a * dimensions + j];
            points[a * dimensions + j] = points[b * dimensions + j];
            points[b * dimensions + j] = t;
        }
        int t = ids[a];
        ids[a] = ids[b];
        ids[b] = t;
    }

    /** Sets every row's squared core distance (by original row index) before the Boruvka rounds. */
    void setCoreSquared(double[] coreSquaredByRow) {
        for (int p = 0; p < size; p++) {
            coreSquared[p] = coreSquaredByRow[ids[p]];
        }
    }

    /**
     * One thread's scratch space of the k-nearest search. {@code distances} is as long as the tree, so that a scan
     * indexes it and the columns alike: with one index the JIT can vectorize the loop, with two offsets into two
     * arrays of doubles that might be the same array it does not (JDK 25).
     */
    static final class KnnScratch {
        final double[] heap;
        final double[] distances;
        final double[] query;

        KnnScratch(int k, int size, int dimensions) {
            heap = new double[k];
            distances = new double[size];
            query = new double[dimensions];
        }
    }

    /**
     * The squared distance from the row at tree position {@code query} to its {@code k}-th nearest row, the row
     * itself counted (a core distance): a max-heap of the k smallest squared distances so far, pruned with the
     * boxes. The heap's top is the k-th smallest whatever order the rows come in, so how far the search descends
     * never changes the answer.
     */
    double kthNearestSquared(int query, int k, KnnScratch scratch) {
        java.util.Arrays.fill(scratch.heap, 0, k, Double.POSITIVE_INFINITY);
        System.arraycopy(points, query * dimensions, scratch.query, 0, dimensions);
        kth(0, query, k, scratch, boxDistance(0, query));
        return scratch.heap[0];
    }

    /**
     * {@code nodeDistance} is the node's box distance, computed once by the parent (which needs both children's to
     * order them) and compared with the heap's bound only on entry, when the bound is the newest.
     */
    private void kth(int node, int query, int k, KnnScratch scratch, double nodeDistance) {
        double[] heap = scratch.heap;
        if (nodeDistance > heap[0]) {
            return;
        }
        int l = left[node];
        if (end[node] - start[node] <= SCAN) {
            scanColumns(start[node], end[node] - start[node], query, k, scratch);
            return;
        }
        int r = l + 1;
        double toLeft = boxDistance(l, query);
        double toRight = boxDistance(r, query);
        if (toLeft <= toRight) {
            kth(l, query, k, scratch, toLeft);
            kth(r, query, k, scratch, toRight);
        } else {
            kth(r, query, k, scratch, toRight);
            kth(l, query, k, scratch, toLeft);
        }
    }

    /**
     * Offers the squared distances from {@code query} to the {@code count} rows from tree position {@code from} to the
     * heap. The distances are built four columns at a time over all the rows, each adding the squared differences in
     * column order as a row-by-row loop does (the first addend onto 0), so the bits are the same; only then are
     * they compared with the heap's bound, because a branch in the loop would stop its vectorization.
     */
    private void scanColumns(int from, int count, int query, int k, KnnScratch scratch) {
        double[] heap = scratch.heap;
        double[] d = scratch.distances;
        double[] q = scratch.query;
        int to = from + count;
        java.util.Arrays.fill(d, from, to, 0);
        int j = 0;
        for (; j + 4 <= dimensions; j += 4) {
            double[] c0 = columns[j];
            double[] c1 = columns[j + 1];
            double[] c2 = columns[j + 2];
            double[] c3 = columns[j + 3];
            double q0 = q[j];
            double q1 = q[j + 1];
            double q2 = q[j + 2];
            double q3 = q[j + 3];
            for (int p = from; p < to; p++) {
                double e0 = c0[p] - q0;
                double e1 = c1[p] - q1;
                double e2 = c2[p] - q2;
                double e3 = c3[p] - q3;
                d[p] = d[p] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
            }
        }
        for (; j < dimensions; j++) {
            double[] c0 = columns[j];
            double q0 = q[j];
            for (int p = from; p < to; p++) {
                double e0 = c0[p] - q0;
                d[p] += e0 * e0;
            }
        }
        for (int p = from; p < to; p++) {
            if (d[p] < heap[0]) {
                replaceTop(heap, k, d[p]);
            }
        }
    }

    /** Replaces a max-heap's largest value by a smaller one and sifts it down. */
    private static void replaceTop(double[] heap, int k, double value) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }

    /** Recomputes every node's shared component and smallest core distance for a round (children first). */
    private void refresh(int[] componentByPosition) {
        for (int node = nodes - 1; node >= 0; node--) {
            int l = left[node];
            if (l < 0) {
                int shared = componentByPosition[start[node]];
                double minCore = Double.POSITIVE_INFINITY;
                for (int p = start[node]; p < end[node]; p++) {
                    if (componentByPosition[p] != shared) {
                        shared = -1;
                    }
                    minCore = Math.min(minCore, coreSquared[p]);
                }
                nodeComponent[node] = shared;
                nodeMinCore[node] = minCore;
            } else {
                int r = l + 1;
                nodeComponent[node] = nodeComponent[l] == nodeComponent[r] ? nodeComponent[l] : -1;
                nodeMinCore[node] = Math.min(nodeMinCore[l], nodeMinCore[r]);
            }
        }
    }

    /** One query's best edge so far: squared mutual reachability and the other end's original index. */
    static final class Best {
        double squared;
        int id;
        /** Set once an edge at the query's own core distance is found: nothing can be cheaper. */
        boolean floor;

        void reset(double bound) {
            squared = bound;
            id = Integer.MAX_VALUE;
            floor = false;
        }
    }

    /**
     * The nearest row by mutual reachability to the row at tree position {@code query} among rows of another
     * component ({@link #beginRound}), into {@code best} (ties to the lower original index). Nodes that cannot reach {@code best.squared}
     * are skipped, so {@code best} may start at a bound known from elsewhere; {@code best.id} stays
     * {@link Integer#MAX_VALUE} when nothing within it exists.
     *
     * <p>The search stops at the first edge (in the tree's fixed visiting order) as cheap as the query's own core
     * distance, the least any of its edges can cost; ties above that go to the lower index. Either way the answer
     * depends only on the tree and the query, never on the starting bound or on other threads: a node skipped for
     * the bound holds no edge that could win or tie.
     */
    void nearestOtherComponent(int query, Best best) {
        descend(0, query, components[query], best, boxDistance(0, query));
    }

    /** {@code nodeDistance}: the node's box distance, computed once by the parent, as in {@link #kth}. */
    private void descend(int node, int query, int component, Best best, double nodeDistance) {
        if (best.floor || nodeComponent[node] == component || lowerBound(node, query, nodeDistance) > best.squared) {
            return;
        }
        int l = left[node];
        if (l < 0) {
            scan(node, query, component, best);
            return;
        }
        int r = l + 1;
        double toLeft = boxDistance(l, query);
        double toRight = boxDistance(r, query);
        if (toLeft <= toRight) {
            descend(l, query, component, best, toLeft);
            descend(r, query, component, best, toRight);
        } else {
            descend(r, query, component, best, toRight);
            descend(l, query, component, best, toLeft);
        }
    }

    private double lowerBound(int node, int query, double nodeDistance) {
        return Math.max(Math.max(coreSquared[query], nodeMinCore[node]), nodeDistance);
    }

    private void scan(int node, int query, int component, Best best) {
        double own = coreSquared[query];
        int qBase = query * dimensions;
        for (int p = start[node]; p < end[node]; p++) {
            if (components[p] == component) {
                continue;
            }
            double bound = best.squared;
            double mr = Math.max(own, coreSquared[p]);
            if (mr > bound) {
                continue;
            }
            double d = 0;
            int base = p * dimensions;
            for (int j = 0; j < dimensions && d <= bound; j++) {
                double diff = points[qBase + j] - points[base + j];
                d += diff * diff;
            }
            mr = Math.max(mr, d);
            if (mr < best.squared || (mr == best.squared && ids[p] < best.id)) {
                best.squared = mr;
                best.id = ids[p];
                if (mr <= own) {
                    best.floor = true;
                    return;
                }
            }
        }
    }

    /** The leaf holding tree position {@code p}. */
    int leafOf(int p) {
        return leafOf[p];
    }

    /** One past the last tree position of {@code node}. */
    int end(int node) {
        return end[node];
    }

    /**
     * Whether some row of another component could be within {@code bound} (squared mutual reachability, inclusive)
     * of some row of {@code leaf}, whose rows all belong to one component: false proves that none of its rows'
     * queries would find an edge within the bound, so they can be skipped together.
     */
    boolean mayReachOtherComponent(int leaf, double bound) {
        int component = nodeComponent[leaf];
        return component < 0 || reaches(0, leaf, component, nodeMinCore[leaf], bound);
    }

    private boolean reaches(int node, int leaf, int component, double leafCore, double bound) {
        if (nodeComponent[node] == component
                || Math.max(Math.max(leafCore, nodeMinCore[node]), boxToBox(node, leaf)) > bound) {
            return false;
        }
        int l = left[node];
        if (l < 0) {
            for (int p = start[node]; p < end[node]; p++) {
                if (components[p] != component && Math.max(leafCore, coreSquared[p]) <= bound
                        && pointToBox(p, leaf) <= bound) {
                    return true;
                }
            }
            return false;
        }
        return reaches(l, leaf, component, leafCore, bound) || reaches(l + 1, leaf, component, leafCore, bound);
    }

    private double boxToBox(int a, int b) {
        double sum = 0;
        int aBase = a * dimensions;
        int bBase = b * dimensions;
        for (int j = 0; j < dimensions; j++) {
            double below = lower[bBase + j] - upper[aBase + j];
            double above = lower[aBase + j] - upper[bBase + j];
            double gap = below > 0 ? below : above > 0 ? above : 0;
            sum += gap * gap;
        }
        return sum;
    }

    /** Starts a round: the component of every tree position (kept, read by every query), node facts refreshed. */
    void beginRound(int[] componentByPosition) {
        components = componentByPosition;
        refresh(componentByPosition);
    }

    private double pointToBox(int point, int node) {
        return boxDistance(node, point);
    }

    private double boxDistance(int node, int query) {
        double sum = 0;
        int base = node * dimensions;
        int qBase = query * dimensions;
        for (int j = 0; j < dimensions; j++) {
            double v = points[qBase + j];
            double below = lower[base + j] - v;
            double above = v - upper[base + j];
            double gap = below > 0 ? below : above > 0 ? above : 0;
            sum += gap * gap;
        }
        return sum;
    }
}
