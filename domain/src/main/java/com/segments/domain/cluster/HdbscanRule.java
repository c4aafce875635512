package com.segments.domain.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * HDBSCAN's own prediction: the hdbscan library's {@code approximate_predict} over the stored training rows, their
 * core distances and the condensed tree, so that scoring follows the density the fit found instead of a stand-in.
 *
 * <p>A stored training row (distance 0 to its nearest stored row) gets exactly its training label and membership;
 * training noise stays noise. Any other vector {@code x}: its {@code 2 * minSamples} nearest stored rows are found
 * (a {@link KdTree}, built when the rule is made or read); the core distance of {@code x} is the distance to its
 * {@code minSamples}-th nearest stored row (the hdbscan library's {@code neighbor_distances[min_samples]} once its
 * min_samples, which does not count the point itself, is written as scikit-learn's, which does); the stored row
 * nearest by mutual reachability {@code max(core(x), core(row), |x - row|)} connects {@code x} to the tree at
 * {@code lambda = 1 / that distance}. If {@code x} joins before that row left its cluster, the cluster is walked
 * up while its birth lambda is at least {@code x}'s; the cluster reached, if it is a chosen cluster or lies under
 * one, gives the segment, else {@code x} is noise.
 *
 * <p>What an {@link Assignment} means here: {@code distance} is that mutual-reachability distance to the connecting
 * training row (a stored row's own core distance); {@code confidence} is the membership strength,
 * {@code min(lambda, max lambda of the segment's cluster) / max lambda} (0 for noise); {@code outlier} is noise, or a
 * GLOSH outlier score (1 - lambda / the largest lambda under the cluster the connecting row falls out of) above
 * {@code outlierThreshold}, the 99th percentile of the clustered training rows' scores: as for the other rules,
 * "further out than nearly all of the segment's training members".
 *
 * @param segmentCount     number of segments
 * @param dimensions       length of each row
 * @param minSamples       the fit's min_samples (scikit-learn's: the row itself counts)
 * @param rows             stored training rows, n x dimensions, row-major
 * @param coreDistances    core distance of each stored row
 * @param labels           training label of each stored row (must equal what the tree and clusters give)
 * @param membership       training membership strength of each stored row, in [0, 1] (0 for noise)
 * @param tree             the condensed tree over the stored rows
 * @param segmentClusters  cluster id (in {@code tree}) of each segment
 * @param outlierThreshold GLOSH score above which a clustered vector is an outlier
 */
public final class HdbscanRule implements AssignmentRule {

    /** Quantile of the clustered training rows' GLOSH scores that sets the outlier threshold. */
    public static final double OUTLIER_QUANTILE = 0.99;

    private static final int BLOCK_ROWS = 1024;

    private final int segmentCount;
    private final int dimensions;
    private final int minSamples;
    private final double[] rows;
    private final double[] coreDistances;
    private final int[] labels;
    private final double[] membership;
    private final CondensedTree tree;
    private final int[] segmentClusters;
    private final double outlierThreshold;
    private final Derived derived;

    public HdbscanRule(int segmentCount, int dimensions, int minSamples, double[] rows, double[] coreDistances,
                       int[] labels, double[] membership, CondensedTree tree, int[] segmentClusters,
                       double outlierThreshold) {
        int n = labels.length;
        if (segmentCount < 1 || dimensions < 1 || minSamples < 1) {
            throw new IllegalArgumentException("need segments, dimensions and minSamples >= 1, got " + segmentCount
                    + ", " + dimensions + ", " + minSamples);
        }
        if (rows.length != (long) n * dimensions || coreDistances.length != n || membership.length != n
                || tree.points() != n || segmentClusters.length != segmentCount) {
            throw new IllegalArgumentException("inconsistent HDBSCAN rule: " + n + " labels, " + rows.length
                    + " row values of " + dimensions + " dimensions, " + coreDistances.length + " core distances, "
                    + membership.length + " memberships, a tree over " + tree.points() + " rows, "
                    + segmentClusters.length + " clusters for " + segmentCount + " segments");
        }
        checkValues(rows, coreDistances, membership, outlierThreshold);
        this.segmentCount = segmentCount;
        this.dimensions = dimensions;
        this.minSamples = minSamples;
        this.rows = rows.clone();
        this.coreDistances = coreDistances.clone();
        this.labels = labels.clone();
        this.membership = membership.clone();
        this.tree = tree;
        this.segmentClusters = segmentClusters.clone();
        this.outlierThreshold = outlierThreshold;
        this.derived = new Derived(this);
    }

    private static void checkValues(double[] rows, double[] core, double[] membership, double threshold) {
        for (double v : rows) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("stored rows must be finite");
            }
        }
        for (double c : core) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("core distances must be finite and >= 0, got " + c);
            }
        }
        for (double m : membership) {
            if (!(m >= 0 && m <= 1)) {
                throw new IllegalArgumentException("memberships must lie in [0, 1], got " + m);
            }
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the outlier threshold must be a number");
        }
    }

    /**
     * The rule for a fit: every training row stored, the threshold the {@value #OUTLIER_QUANTILE} quantile of the
     * clustered rows' GLOSH scores (1 when every row is noise).
     */
    public static HdbscanRule fromFit(int dimensions, int minSamples, double[] rows, double[] coreDistances,
                                      int[] labels, double[] membership, CondensedTree tree, int[] segmentClusters) {
        double[] scores = tree.outlierScores();
        double[] clustered = IntStream.range(0, labels.length).filter(i -> labels[i] != Assignment.NOISE)
                .mapToDouble(i -> scores[i]).sorted().toArray();
        double threshold = clustered.length == 0 ? 1.0
                : clustered[(int) Math.min(clustered.length - 1, Math.ceil(OUTLIER_QUANTILE * clustered.length) - 1)];
        return new HdbscanRule(segmentClusters.length, dimensions, minSamples, rows, coreDistances, labels, membership,
                tree, segmentClusters, threshold);
    }


    @Override
    public Assignment assign(double[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected a vector of " + dimensions + " values, got " + vector.length);
        }
        Assignments out = new Assignments(1);
        derived.assignRow(vector, 0, out, 0, new Scratch(derived.neighbours));
        return out.get(0);
    }

    /**
     * The GLOSH outlier score of a vector (the hdbscan library's {@code approximate_predict_scores}): a stored row's
     * training score, else 1 - its lambda / the largest lambda under the cluster its connecting row falls out of.
     */
    public double outlierScore(double[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected a vector of " + dimensions + " values, got " + vector.length);
        }
        Scratch scratch = new Scratch(derived.neighbours);
        return derived.connection(vector, 0, scratch).score;
    }

    @Override
    public Assignments assignAll(double[] vectors) {
        int n = vectors.length / dimensions;
        Assignments out = new Assignments(n);
        Derived d = derived;
        IntStream.range(0, (n + BLOCK_ROWS - 1) / BLOCK_ROWS).parallel().forEach(b -> {
            Scratch scratch = new Scratch(d.neighbours);
            for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                d.assignRow(vectors, i * dimensions, out, i, scratch);
            }
        });
        return out;
    }

    @Override
    public int[] labelAll(double[] vectors) {
        Assignments all = assignAll(vectors);
        int[] out = new int[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.segment(i);
        }
        return out;
    }

    @Override
    public HdbscanRule relabel(int[] newIdOf) {
        int[] clusters = new int[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            clusters[newIdOf[s]] = segmentClusters[s];
        }
        return new HdbscanRule(segmentCount, dimensions, minSamples, rows, coreDistances,
                AssignmentRule.relabel(labels, newIdOf), membership, tree, clusters, outlierThreshold);
    }

    /** Number of stored training rows. */
    public int storedRows() {
        return labels.length;
    }

    /** Per-query buffers. */
    private static final class Scratch {
        final int[] neighbours;
        final double[] squared;

        Scratch(int k) {
            neighbours = new int[k];
            squared = new double[k];
        }
    }

    /** The tree walk's facts and the nearest-row index, derived from the stored arrays. */
    private static final class Derived {
        final HdbscanRule rule;
        final KdTree index;
        final int neighbours;
        final int[] edgeParent;
        final double[] edgeLambda;
        final int[] rowEdge;
        final int[] clusterParent;
        final double[] birth;
        final double[] subtreeMax;
        final int[] segmentOfCluster;
        final double[] maxLambdaOfSegment;
        final double[] trainingScore;

        Derived(HdbscanRule rule) {
            this.rule = rule;
            CondensedTree tree = rule.tree;
            this.index = new KdTree(rule.rows, rule.dimensions);
            this.neighbours = Math.min(2 * rule.minSamples, rule.labels.length);
            this.edgeParent = tree.parent();
            this.edgeLambda = tree.lambda();
            this.rowEdge = tree.rowEdges();
            this.clusterParent = tree.clusterParents();
            this.birth = tree.births();
            this.subtreeMax = tree.subtreeMaxLambdas();
            this.trainingScore = tree.outlierScores();
            this.segmentOfCluster = segmentsOfClusters(rule, clusterParent);
            double[] direct = tree.maxLambdas();
            this.maxLambdaOfSegment = new double[rule.segmentCount];
            for (int s = 0; s < rule.segmentCount; s++) {
                maxLambdaOfSegment[s] = direct[rule.segmentClusters[s] - tree.root()];
            }
            checkLabels();
        }

        /** Each cluster's segment: its own if chosen, else its nearest chosen ancestor's, else noise. */
        private static int[] segmentsOfClusters(HdbscanRule rule, int[] clusterParent) {
            int root = rule.tree.root();
            int[] out = new int[clusterParent.length];
            Arrays.fill(out, Assignment.NOISE);
            for (int s = 0; s < rule.segmentCount; s++) {
                int c = rule.segmentClusters[s] - root;
                if (c <= 0 || c >= out.length || out[c] != Assignment.NOISE) {
                    throw new IllegalArgumentException("segment " + s + " names cluster " + rule.segmentClusters[s]
                            + ", not a distinct non-root cluster of the tree");
                }
                out[c] = s;
            }
            for (int c = 1; c < out.length; c++) {
                if (out[c] == Assignment.NOISE) {
                    out[c] = out[clusterParent[c] - root];
                }
            }
            return out;
        }

        private void checkLabels() {
            int root = rule.tree.root();
            for (int i = 0; i < rule.labels.length; i++) {
                int expected = segmentOfCluster[edgeParent[rowEdge[i]] - root];
                if (rule.labels[i] != expected) {
                    throw new IllegalArgumentException("stored row " + i + " has label " + rule.labels[i]
                            + " but the condensed tree puts it in " + expected);
                }
            }
        }

        /** Where a vector meets the tree: its segment, measures and GLOSH score. */
        record Connection(int segment, double distance, double confidence, double score) {
        }

        void assignRow(double[] vectors, int offset, Assignments out, int at, Scratch scratch) {
            Connection c = connection(vectors, offset, scratch);
            boolean outlier = c.segment == Assignment.NOISE || c.score > rule.outlierThreshold;
            out.set(at, c.segment, c.distance, c.confidence, outlier);
        }

        Connection connection(double[] vectors, int offset, Scratch scratch) {
            // a stored row first (every row when the training data is scored): an exact-match descent, which for a
            // new vector costs one path down the tree instead of a nearest-row search before the neighbours' search
            int stored = index.pointAt(vectors, offset);
            if (stored >= 0) {
                return new Connection(rule.labels[stored], rule.coreDistances[stored], rule.membership[stored],
                        trainingScore[stored]);
            }
            int found = index.nearest(vectors, offset, neighbours, null, 0, scratch.neighbours, scratch.squared);
            double core = Math.sqrt(scratch.squared[Math.min(rule.minSamples, found) - 1]);
            int nearest = -1;
            double reach = Double.POSITIVE_INFINITY;
            for (int i = 0; i < found; i++) {
                int row = scratch.neighbours[i];
                double mr = Math.max(Math.max(core, rule.coreDistances[row]), Math.sqrt(scratch.squared[i]));
                if (mr < reach) {
                    reach = mr;
                    nearest = row;
                }
            }
            return connect(nearest, reach);
        }

        /** Walks the tree from the connecting row's edge at the vector's lambda. */
        private Connection connect(int nearest, double reach) {
            int root = rule.tree.root();
            double lambda = reach > 0 ? 1.0 / reach : Double.MAX_VALUE;
            int edge = rowEdge[nearest];
            int cluster = edgeParent[edge];
            double score = CondensedTree.glosh(lambda, subtreeMax[cluster - root]);
            if (edgeLambda[edge] > lambda) {
                while (cluster > root && birth[cluster - root] >= lambda) {
                    cluster = clusterParent[cluster - root];
                }
            }
            int segment = segmentOfCluster[cluster - root];
            if (segment == Assignment.NOISE) {
                return new Connection(Assignment.NOISE, reach, 0.0, score);
            }
            double max = maxLambdaOfSegment[segment];
            return new Connection(segment, reach, max > 0 ? Math.min(lambda, max) / max : 1.0, score);
        }
    }

    @Override
    public int segmentCount() {
        return segmentCount;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    public int minSamples() {
        return minSamples;
    }

    public double[] rows() {
        return rows.clone();
    }

    public double[] coreDistances() {
        return coreDistances.clone();
    }

    public int[] labels() {
        return labels.clone();
    }

    public double[] membership() {
        return membership.clone();
    }

    public CondensedTree tree() {
        return tree;
    }

    public int[] segmentClusters() {
        return segmentClusters.clone();
    }

    public double outlierThreshold() {
        return outlierThreshold;
    }

    /** GLOSH outlier score of every stored training row. */
    public double[] trainingOutlierScores() {
        return derived.trainingScore.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HdbscanRule other && segmentCount == other.segmentCount && dimensions == other.dimensions
                && minSamples == other.minSamples && Double.compare(outlierThreshold, other.outlierThreshold) == 0
                && Arrays.equals(rows, other.rows) && Arrays.equals(coreDistances, other.coreDistances)
                && Arrays.equals(labels, other.labels) && Arrays.equals(membership, other.membership)
                && tree.equals(other.tree) && Arrays.equals(segmentClusters, other.segmentClusters);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rows) + Arrays.hashCode(labels)) + Arrays.hashCode(segmentClusters);
    }

    @Override
    public String toString() {
        return "HdbscanRule[segments=" + segmentCount + ", dimensions=" + dimensions + ", storedRows=" + labels.length
                + ", minSamples=" + minSamples + "]";
    }
}
