package com.segments.algorithms;

import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.cluster.ParameterSpec;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.Inertia;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.CompleteLinkage;
import smile.clustering.linkage.Linkage;
import smile.clustering.linkage.SingleLinkage;
import smile.clustering.linkage.UPGMALinkage;
import smile.clustering.linkage.WardLinkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Agglomerative clustering on Smile's {@link HierarchicalClustering}, one plugin id per linkage. A new customer
 * takes the segment of the nearest training row ({@link NearestNeighbourRule}: the tree itself cannot place a new
 * point, and a centroid would turn every linkage into k-means); a training row scores to its own label.
 *
 * <p>Smile keeps the n(n-1)/2 proximity matrix in memory as floats, and its Ward linkage overflows an int above
 * 46,340 rows. Above {@code maxFitRows} rows (or fewer when memory would not allow it) the tree is built on a
 * seeded sample and the other rows are assigned with the prediction rule; the result says so.
 *
 * <p>The tree does not depend on k, so trees are kept per data set (weakly: they go when the data do) and cut again
 * when only k changes; a comparison over k = 2..10, bootstrap refits included, builds each tree once.
 */
public abstract class SmileHierarchicalAlgorithm implements ClusteringAlgorithm {

    /** Smile's condensed proximity matrix: one float per pair, plus room for its working copies. */
    private static final double BYTES_PER_PAIR = 3.0;
    private static final int WARD_LIMIT = 46_340;

    private final AlgorithmDescriptor descriptor;
    private final Function<double[][], Linkage> linkage;
    private final Map<DataMatrix, Map<List<Integer>, Tree>> trees = new WeakHashMap<>();

    private record Tree(int[] fitted, HierarchicalClustering clustering) {
    }

    SmileHierarchicalAlgorithm(String id, String description, Function<double[][], Linkage> linkage) {
        this.descriptor = new AlgorithmDescriptor(id, description, "Smile " + smileVersion(),
                List.of(new ParameterSpec("k", "number of segments", 2, 1000, 4),
                        new ParameterSpec("maxFitRows", "build the tree on a seeded sample of this many rows at most",
                                100, WARD_LIMIT, 10_000)));
        this.linkage = linkage;
    }

    /** Ward's minimum-variance linkage: compact segments of similar size, the hierarchical analogue of k-means. */
    public static final class Ward extends SmileHierarchicalAlgorithm {
        public Ward() {
            super("ward", "agglomerative clustering, Ward linkage (Smile)", WardLinkage::of);
        }
    }

    /** Complete linkage: the largest distance between members decides merges. */
    public static final class Complete extends SmileHierarchicalAlgorithm {
        public Complete() {
            super("complete-linkage", "agglomerative clustering, complete linkage (Smile)", CompleteLinkage::of);
        }
    }

    /** Average linkage (UPGMA): the mean distance between members decides merges. */
    public static final class Average extends SmileHierarchicalAlgorithm {
        public Average() {
            super("average-linkage", "agglomerative clustering, average linkage / UPGMA (Smile)", UPGMALinkage::of);
        }
    }

    /** Single linkage: the nearest members decide merges; finds chains, is sensitive to noise. */
    public static final class Single extends SmileHierarchicalAlgorithm {
        public Single() {
            super("single-linkage", "agglomerative clustering, single linkage (Smile)", SingleLinkage::of);
        }
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
        int k = parameters.get("k");
        FitSupport.checkFittable(data, k);
        int fitRows = FitSupport.affordableRows(data.rows(), parameters.get("maxFitRows"), BYTES_PER_PAIR);
        Tree tree = tree(data, fitRows, seed);
        int[] fittedLabels = tree.clustering().partition(k);
        DataMatrix fitted = tree.fitted().length == data.rows() ? data : data.selectRows(tree.fitted());
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(k, data.columns(), fitted.rowMajorView(),
                fittedLabels, NearestNeighbourRule.DEFAULT_CAP, seed);
        int[] labels = FitSupport.labelsForAllRows(data, tree.fitted(), fittedLabels, rule);
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("fittedRows", tree.fitted().length);
        diagnostics.put("sampled", tree.fitted().length < data.rows());
        diagnostics.put("exemplars", rule.exemplarCount());
        diagnostics.put("predictAgreement", FitSupport.agreement(data, labels, rule));
        return new ClusteringResult(labels, rule, Inertia.ofLabels(data, labels, k), diagnostics);
    }

    private synchronized Tree tree(DataMatrix data, int fitRows, long seed) {
        int[] fitted = fitRows == data.rows() ? identity(data.rows()) : FitSupport.sample(data.rows(), fitRows, seed);
        List<Integer> key = Arrays.stream(fitted).boxed().toList();
        Map<List<Integer>, Tree> forData = trees.computeIfAbsent(data, ignored -> new HashMap<>());
        Tree tree = forData.get(key);
        if (tree == null) {
            DataMatrix rows = fitted.length == data.rows() ? data : data.selectRows(fitted);
            double[][] points = new double[rows.rows()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = rows.row(i);
            }
            tree = new Tree(fitted, HierarchicalClustering.fit(linkage.apply(points)));
            forData.put(key, tree);
        }
        return tree;
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static String smileVersion() {
        String version = HierarchicalClustering.class.getPackage().getImplementationVersion();
        return version == null ? "6.2.5" : version;
    }
}
