package com.segments.algorithms;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestExemplarRule;
import com.segments.domain.cluster.ParameterSpec;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.ClusterQuality;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HDBSCAN* on Tribuo's {@link HdbscanTrainer}, kept under the id {@value #ID} to compare with our own
 * ({@code hdbscan}): density-based segments of any shape, and noise, customers no segment claims. A new customer
 * joins the segment of the nearest cluster exemplar if it lies within some exemplar's reach (the distance to the
 * cluster's edge Tribuo records), else it is noise, as Tribuo's own prediction does.
 *
 * <p>Tribuo's HDBSCAN is brute force in time and quadratic in memory; above {@code maxFitRows} rows (or fewer when
 * memory would not allow it) it fits on a seeded sample and assigns the rest with the prediction rule.
 */
public final class TribuoHdbscanAlgorithm implements ClusteringAlgorithm {

    public static final String ID = "tribuo-hdbscan";

    /** Tribuo labels noise 0 (HdbscanTrainer.OUTLIER_NOISE_CLUSTER_LABEL, package-private there). */
    private static final int TRIBUO_NOISE = 0;
    private static final double BYTES_PER_PAIR = 16.0;
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID,
            "HDBSCAN*: density-based segments, noise as its own outcome", "Tribuo " + Tribuo.VERSION,
            List.of(new ParameterSpec("minClusterSize", "smallest group that counts as a segment", 2, 100_000, 50),
                    new ParameterSpec("neighbours", "k of the core distance (density smoothing)", 1, 1_000, 5),
                    new ParameterSpec("maxFitRows", "fit on a seeded sample of this many rows at most", 100, 100_000, 10_000)));

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(DataMatrix data, AlgorithmParameters parameters, long seed) {
        int minClusterSize = parameters.get("minClusterSize");
        int neighbours = parameters.get("neighbours");
        FitSupport.checkFittable(data, 2);
        if (minClusterSize > data.rows()) {
            throw new SegmentsException("minClusterSize = " + minClusterSize + " is larger than the " + data.rows() + " rows");
        }
        int fitRows = FitSupport.affordableRows(data.rows(), parameters.get("maxFitRows"), BYTES_PER_PAIR);
        int[] fitted = fitRows == data.rows() ? null : FitSupport.sample(data.rows(), fitRows, seed);
        DataMatrix rows = fitted == null ? data : data.selectRows(fitted);

        MutableDataset<ClusterID> dataset = TribuoData.dataset(rows);
        HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, new L2Distance(), Math.min(neighbours, rows.rows() - 1),
                FitSupport.threads(), NeighboursQueryFactoryType.BRUTE_FORCE);
        HdbscanModel model = trainer.train(dataset);

        Map<Integer, Integer> segmentOf = new TreeMap<>();
        for (int label : model.getClusterLabels()) {
            if (label != TRIBUO_NOISE) {
                segmentOf.putIfAbsent(label, 0);
            }
        }
        if (segmentOf.isEmpty()) {
            throw new SegmentsException("HDBSCAN found no segment with minClusterSize = " + minClusterSize
                    + ": every row is noise; try a smaller minClusterSize");
        }
        int next = 0;
        for (Map.Entry<Integer, Integer> entry : segmentOf.entrySet()) {
            entry.setValue(next++);
        }
        int[] fittedLabels = model.getClusterLabels().stream()
                .mapToInt(label -> label == TRIBUO_NOISE ? Assignment.NOISE : segmentOf.get(label)).toArray();

        NearestExemplarRule rule = exemplarRule(model, segmentOf, data.columns());
        int[] sampleIndices = fitted == null ? java.util.stream.IntStream.range(0, data.rows()).toArray() : fitted;
        int[] labels = FitSupport.labelsForAllRows(data, sampleIndices, fittedLabels, rule);
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("fittedRows", rows.rows());
        diagnostics.put("sampled", fitted != null);
        diagnostics.put("exemplars", rule.exemplarSegments().length);
        diagnostics.put("predictAgreement", FitSupport.agreement(data, labels, rule));
        double within = ClusterQuality.withinSumOfSquares(data, labels);
        return new ClusteringResult(labels, rule, within, diagnostics);
    }

    private static NearestExemplarRule exemplarRule(HdbscanModel model, Map<Integer, Integer> segmentOf, int d) {
        List<HdbscanTrainer.ClusterExemplar> exemplars = model.getClusterExemplars().stream()
                .filter(e -> segmentOf.containsKey(e.getLabel())).toList();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int[] columnOfId = new int[d];
        for (int j = 0; j < d; j++) {
            columnOfId[features.get(TribuoData.featureName(j)).getID()] = j;
        }
        double[] points = new double[exemplars.size() * d];
        int[] segments = new int[exemplars.size()];
        double[] reach = new double[exemplars.size()];
        for (int e = 0; e < exemplars.size(); e++) {
            HdbscanTrainer.ClusterExemplar exemplar = exemplars.get(e);
            SGDVector vector = exemplar.getFeatures();
            for (int id = 0; id < d; id++) {
                points[e * d + columnOfId[id]] = vector.get(id);
            }
            segments[e] = segmentOf.get(exemplar.getLabel());
            reach[e] = exemplar.getMaxDistToEdge();
        }
        return new NearestExemplarRule(segmentOf.size(), d, points, segments, reach);
    }
}
