package com.segments.benchmarks;

import com.segments.algorithms.SmileHierarchicalAlgorithm;
import com.segments.algorithms.kmeans.KMeansAlgorithm;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.KdTree;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Standardisation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One customer's {@code assign} by each model's rule, on CC GENERAL (8,950 × 17, median imputation, log1p,
 * standardisation as in the reference): what the REST hot path spends in the rule after preprocessing. The customers
 * are training rows moved by a small seeded step (none is a stored row), cycled through 1,024 of them.
 *
 * <ul>
 *   <li>{@code kmeans-k4}, {@code kmeans-k8}: our k-means fitted with that k, {@code NearestCentroidRule}.
 *   <li>{@code ward-k4}, {@code single-k4}: Ward or single linkage, k = 4, the rule the plugin stores (condensed
 *       exemplars searched by a {@code PrincipalAxesTree}).
 *   <li>{@code ward-k4-every-row-kdtree}: the rule before condensing: the 1-nearest k-d tree query over every
 *       training row, then the same answer built from the nearest row (its label, distance, a stored confidence).
 * </ul>
 * The data file is {@code -Dsegments.ccgeneral=PATH}, default {@code ../shared/data/cc_general/CC_GENERAL.csv} from
 * the project root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AssignRuleBenchmark {

    @Param({"kmeans-k4", "kmeans-k8", "ward-k4", "ward-k4-every-row-kdtree", "single-k4"})
    String rule;

    private AssignmentRule assignmentRule;
    private KdTree everyRow;
    private int[] everyRowLabels;
    private double[][] customers;
    private int next;

    @Setup
    public void setUp() {
        DataMatrix x = ccGeneral(Path.of(System.getProperty("segments.ccgeneral",
                "../shared/data/cc_general/CC_GENERAL.csv")));
        ClusteringAlgorithm plugin = rule.startsWith("kmeans") ? new KMeansAlgorithm()
                : rule.startsWith("single") ? new SmileHierarchicalAlgorithm.Single() : new SmileHierarchicalAlgorithm.Ward();
        int k = rule.equals("kmeans-k8") ? 8 : 4;
        ClusteringResult fit = plugin.fit(x, plugin.descriptor().resolve(Map.of("k", k)), 1L);
        assignmentRule = fit.rule();
        if (rule.equals("ward-k4-every-row-kdtree")) {
            everyRow = new KdTree(x.rowMajorView(), x.columns());
            everyRowLabels = fit.labels();
        }
        if (fit.rule() instanceof NearestNeighbourRule neighbours) {
            System.out.printf("%n%s: %d exemplars of %d rows%n", rule, neighbours.exemplarCount(), x.rows());
        }
        SplittableRandom random = new SplittableRandom(3);
        customers = new double[1024][];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = x.row(random.nextInt(x.rows()));
            for (int j = 0; j < customers[i].length; j++) {
                customers[i][j] += random.nextDouble(-0.05, 0.05);
            }
        }
    }

    @Benchmark
    public Assignment assignOne() {
        double[] customer = customers[next++ & 1023];
        if (everyRow == null) {
            return assignmentRule.assign(customer);
        }
        int[] neighbour = new int[1];
        double[] squared = new double[1];
        everyRow.nearest(customer, 0, 1, null, 0, neighbour, squared);
        double distance = Math.sqrt(squared[0]);
        return new Assignment(everyRowLabels[neighbour[0]], distance, 1.0, distance > 3.0);
    }

    /** CC GENERAL as the reference prepared it: CUST_ID dropped, median imputation, log1p, standardisation. */
    static DataMatrix ccGeneral(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CC GENERAL at " + csv.toAbsolutePath()
                    + " (set -Dsegments.ccgeneral=PATH)", e);
        }
        List<String> header = Arrays.asList(lines.getFirst().strip().split(","));
        double[][] rows = lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.strip().split(",", -1);
            double[] row = new double[cells.length - 1];
            for (int j = 1; j < cells.length; j++) {
                row[j - 1] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
            }
            return row;
        }).toArray(double[][]::new);
        Imputation imputation = Imputation.fit(DataMatrix.ofRows(rows),
                new FeatureSchema(header.getFirst(), header.subList(1, header.size())));
        for (double[] row : rows) {
            imputation.apply(row);
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log1p(row[j]);
            }
        }
        Standardisation standardisation = Standardisation.fit(DataMatrix.ofRows(rows));
        for (double[] row : rows) {
            standardisation.apply(row);
        }
        return DataMatrix.ofRows(rows);
    }
}
