package com.segments.algorithms.hdbscan;

import com.segments.algorithms.FitSupport;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.CondensedTree;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.cluster.HdbscanRule;
import com.segments.domain.cluster.ParameterSpec;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.ClusterQuality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HDBSCAN written here on flat arrays, with scikit-learn's {@code sklearn.cluster.HDBSCAN} semantics (Euclidean,
 * alpha 1, {@code allow_single_cluster=False}): core distances and then the mutual-reachability minimum spanning
 * tree (Boruvka rounds) over one k-d tree with bounding boxes, the single-linkage dendrogram, the condensed tree, and
 * excess-of-mass or leaf selection with an optional selection epsilon. Memory is O(n): no sample is needed, every
 * row is fitted. Scoring uses {@link HdbscanRule}, the hdbscan library's approximate prediction.
 *
 * <p>The integer parameter machinery carries epsilon in thousandths ({@code selectionEpsilonMilli = 250} is
 * {@code cluster_selection_epsilon = 0.25}) and the selection method as 0 (excess of mass) or 1 (leaf).
 */
public final class HdbscanAlgorithm implements ClusteringAlgorithm {

    public static final String ID = "hdbscan";

    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID,
            "HDBSCAN: density-based segments of any shape, noise as its own outcome (scikit-learn's semantics)",
            "Segments HDBSCAN 1", List.of(
                    new ParameterSpec("minClusterSize", "smallest group that counts as a segment", 2, 1_000_000, 50),
                    new ParameterSpec("minSamples", "rows (itself included) whose distance makes a row's core "
                            + "distance; 0 = minClusterSize", 0, 1_000, 0),
                    new ParameterSpec("selectionEpsilonMilli", "cluster_selection_epsilon in thousandths: clusters "
                            + "born closer than this merge upwards (0 = off)", 0, 1_000_000_000, 0),
                    new ParameterSpec("leafSelection", "0 = excess of mass (eom), 1 = leaf clusters", 0, 1, 0)));

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
        return fit(data, parameters, seed, FitContext.NONE);
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed, FitContext context) {
        if (context.weighted()) {
            throw new SegmentsException("algorithm '" + ID + "' does not take sample weights");
        }
        int minClusterSize = parameters.get("minClusterSize");
        int minSamples = parameters.get("minSamples") == 0 ? minClusterSize : parameters.get("minSamples");
        FitSupport.checkFittable(data, 2);
        if (minClusterSize > data.rows()) {
            throw new SegmentsException("minClusterSize = " + minClusterSize + " is larger than the " + data.rows() + " rows");
        }
        if (minSamples > data.rows()) {
            throw new SegmentsException("minSamples = " + minSamples + " is larger than the " + data.rows() + " rows");
        }
        context.checkCancelled();
        Fit fit = run(data.rowMajorView(), data.columns(), minClusterSize, minSamples,
                parameters.get("selectionEpsilonMilli") / 1000.0,
                parameters.get("leafSelection") == 1 ? ClusterSelection.Method.LEAF : ClusterSelection.Method.EXCESS_OF_MASS,
                context);
        if (fit.selection.clusters().length == 0) {
            throw new SegmentsException("HDBSCAN found no segment with minClusterSize = " + minClusterSize
                    + ": every row is noise; try a smaller minClusterSize");
        }
        int[] labels = fit.selection.labels();
        HdbscanRule rule = HdbscanRule.fromFit(data.columns(), minSamples, data.rowMajorView(), fit.coreDistances,
                labels, fit.selection.membership(), fit.tree, fit.selection.clusters());
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("fittedRows", data.rows());
        diagnostics.put("sampled", false);
        diagnostics.put("minSamples", minSamples);
        diagnostics.put("storedRows", rule.storedRows());
        diagnostics.put("outlierThreshold", rule.outlierThreshold());
        diagnostics.put("predictAgreement", PredictAgreement.of(rule, data.rowMajorView(), labels));
        return new ClusteringResult(labels, rule, ClusterQuality.withinSumOfSquares(data, labels), diagnostics);
    }

    /** What a fit computes before it becomes domain values. */
    record Fit(double[] coreDistances, CondensedTree tree, ClusterSelection.Result selection) {
    }

    /** The whole pipeline on a flat row-major array; threads from {@link FitSupport#threads()}. */
    static Fit run(double[] rows, int dimensions, int minClusterSize, int minSamples, double epsilon,
                   ClusterSelection.Method method, FitContext context) {
        int n = rows.length / dimensions;
        try (Workers workers = new Workers(FitSupport.threads(), context)) {
            BoruvkaTree index = new BoruvkaTree(rows, dimensions);
            double[] coreSquared = CoreDistances.squared(index, minSamples, workers);
            index.setCoreSquared(coreSquared);
            SingleLinkage linkage = n == 1 ? null : SingleLinkage.of(MutualReachabilityMst.of(index, workers), n);
            context.checkCancelled();
            CondensedTree tree = Condensation.of(linkage, n, minClusterSize);
            double[] core = new double[n];
            for (int i = 0; i < n; i++) {
                core[i] = Math.sqrt(coreSquared[i]);
            }
            return new Fit(core, tree, ClusterSelection.select(tree, method, epsilon));
        }
    }
}
