package com.segments.algorithms.kmeans;

import com.segments.algorithms.CcGeneralReference;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.FitCancelledException;
import com.segments.domain.cluster.FitContext;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.AdjustedRandIndex;
import com.segments.domain.metric.Inertia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What only our k-means promises beyond the shared plugin contract: scikit-learn's quality, weights, sampling. */
class KMeansAlgorithmTest {

    private final KMeansAlgorithm kmeans = new KMeansAlgorithm();

    private AlgorithmParameters parameters(Map<String, Integer> given) {
        return kmeans.descriptor().resolve(given);
    }

    /**
     * scikit-learn's reference is its best of 10 starts at random_state 0; which basin a best of 10 lands in is luck
     * at larger k (at k = 10 scikit-learn itself ends near 57,680 instead of 57,225 for 3 of random_state 0..9). So the
     * median of our best of 10 over seeds 0..4 must be within 0.1%, and every one within 1%.
     */
    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
    void inertiaOnCcGeneralIsWithinOnePerMilleOfScikitLearnsBestOfTen(int k) throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        double sklearn = ref.json.get("kmeans_best_of_10_inertia_by_k").get(Integer.toString(k)).get("inertia").asDouble();
        double[] inertias = new double[5];
        for (int seed = 0; seed < inertias.length; seed++) {
            ClusteringResult result = kmeans.fit(ref.x, parameters(Map.of("k", k, "restarts", 10)), seed);
            inertias[seed] = result.inertia();
            assertThat(result.inertia()).isLessThanOrEqualTo(sklearn * 1.01);
            assertThat(result.inertia()).isCloseTo(Inertia.of(ref.x, result.labels(), (NearestCentroidRule) result.rule()),
                    within(result.inertia() * 1e-12));
        }
        Arrays.sort(inertias);
        assertThat(inertias[2]).as("median of the best of 10 over seeds 0..4").isLessThanOrEqualTo(sklearn * 1.001);
    }

    @Test
    void aRowOfWeightTwoCountsAsTwoCopiesOfIt() {
        DataMatrix blobs = blobs(4, 300, 3, 1L);
        double[] weights = new double[blobs.rows()];
        int copies = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + i % 2;
            copies += (int) weights[i];
        }
        int[] repeated = new int[copies];
        for (int i = 0, r = 0; i < weights.length; i++) {
            for (int c = 0; c < weights[i]; c++) {
                repeated[r++] = i;
            }
        }
        AlgorithmParameters p = parameters(Map.of("k", 4, "restarts", 3));
        ClusteringResult weighted = kmeans.fit(blobs, p, 5L, new FitContext(weights, () -> false));
        ClusteringResult duplicated = kmeans.fit(blobs.selectRows(repeated), p, 5L);
        assertThat(weighted.inertia()).isCloseTo(duplicated.inertia(), within(duplicated.inertia() * 1e-9));
        double[][] a = sortedCentres((NearestCentroidRule) weighted.rule());
        double[][] b = sortedCentres((NearestCentroidRule) duplicated.rule());
        for (int c = 0; c < a.length; c++) {
            for (int j = 0; j < a[c].length; j++) {
                assertThat(a[c][j]).isCloseTo(b[c][j], within(1e-9));
            }
        }
    }

    @Test
    void weightsAreCheckedAgainstTheRowsAndK() {
        DataMatrix four = DataMatrix.ofRows(new double[][] {{0}, {1}, {2}, {3}});
        AlgorithmParameters p = parameters(Map.of("k", 3, "restarts", 1));
        assertThatThrownBy(() -> kmeans.fit(four, p, 1L, new FitContext(new double[3], () -> false)))
                .isInstanceOf(SegmentsException.class).hasMessage("3 weights for 4 rows");
        assertThatThrownBy(() -> kmeans.fit(four, p, 1L, new FitContext(new double[] {1, 0, 0, 1}, () -> false)))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("3 distinct rows with a weight above 0");
        assertThat(kmeans.supportsWeights()).isTrue();
    }

    @Test
    void aboveTheSampleSizeItFitsOnASampleThenAssignsEveryRowAndSaysSo() {
        int[] truth = new int[20_000];
        DataMatrix blobs = blobs(4, 5_000, 3, 9L);
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i / 5_000;
        }
        ClusteringResult sampled = kmeans.fit(blobs, parameters(Map.of("k", 4, "restarts", 3, "sampleRows", 2_000)), 3L);
        ClusteringResult full = kmeans.fit(blobs, parameters(Map.of("k", 4, "restarts", 3)), 3L);
        assertThat(sampled.diagnostics()).containsEntry("sampled", true).containsEntry("fittedRows", 2_000);
        assertThat(full.diagnostics()).containsEntry("sampled", false).containsEntry("fittedRows", 20_000);
        assertThat(sampled.labels()).hasSize(20_000);
        assertThat(AdjustedRandIndex.of(sampled.labels(), truth)).isEqualTo(1.0);
        double fullData = Inertia.of(blobs, sampled.labels(), (NearestCentroidRule) sampled.rule());
        assertThat(sampled.inertia()).isCloseTo(fullData, within(fullData * 1e-12));
        assertThat(sampled.inertia() / full.inertia()).isBetween(1.0, 1.001);
    }

    @Test
    void theAutomaticSampleStartsAboveTwoMillionRows() {
        assertThat(KMeansAlgorithm.rowsToFit(2_000_000, 0, 8)).isEqualTo(2_000_000);
        assertThat(KMeansAlgorithm.rowsToFit(2_000_001, 0, 8)).isEqualTo(1_000_000);
        assertThat(KMeansAlgorithm.rowsToFit(500, 1_000, 8)).isEqualTo(500);
        assertThatThrownBy(() -> KMeansAlgorithm.rowsToFit(500, 5, 8))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("parameter sampleRows = 5");
    }

    @Test
    void aCancelledFitStopsAtTheFirstCheckAfterCancellation() {
        DataMatrix rows = blobs(4, 5_000, 4, 2L);
        AtomicInteger polls = new AtomicInteger();
        FitContext context = FitContext.cancellable(() -> polls.incrementAndGet() > 3);
        AlgorithmParameters p = parameters(Map.of("k", 1000, "restarts", 100));
        assertThatThrownBy(() -> kmeans.fit(rows, p, 1L, context)).isInstanceOf(FitCancelledException.class);
        // each thread running a restart sees the cancellation at its next check and polls no more
        assertThat(polls.get()).isLessThanOrEqualTo(4 + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void lloydChecksCancellationOncePerIteration() {
        DataMatrix rows = blobs(4, 2_000, 4, 2L);
        KMeansData data = KMeansData.of(rows, null, 4);
        double[] initial = Arrays.copyOf(rows.rowMajorView(), 4 * 4);
        AtomicInteger polls = new AtomicInteger();
        FitContext context = FitContext.cancellable(() -> polls.incrementAndGet() > 2);
        Lloyd lloyd = new Hamerly(data, 4, ChunkPool.SEQUENTIAL);
        assertThatThrownBy(() -> lloyd.run(initial, null, 300, 0, context)).isInstanceOf(FitCancelledException.class);
        assertThat(polls.get()).isEqualTo(3);
    }

    /** Seeding hands Lloyd its first labels and bounds; that must change nothing, for either kind of bounds. */
    @Test
    void startingFromWhatSeedingKnowsEndsExactlyWhereMeasuringEverythingEnds() throws IOException {
        DataMatrix x = CcGeneralReference.load().x;
        for (int k : new int[] {2, 9}) {
            KMeansData data = KMeansData.of(x, null, k);
            double tolerance = data.tolerance(KMeansAlgorithm.RELATIVE_TOLERANCE, ChunkPool.SEQUENTIAL);
            KMeansPlusPlus seeding = new KMeansPlusPlus(data, ChunkPool.SEQUENTIAL);
            double[] initial = seeding.centres(k, new SplittableRandom(k), FitContext.NONE);
            for (boolean elkan : new boolean[] {false, true}) {
                Lloyd seeded = elkan ? new Elkan(data, k, ChunkPool.SEQUENTIAL) : new Hamerly(data, k, ChunkPool.SEQUENTIAL);
                Lloyd measured = elkan ? new Elkan(data, k, ChunkPool.SEQUENTIAL) : new Hamerly(data, k, ChunkPool.SEQUENTIAL);
                Lloyd.Outcome a = seeded.run(initial, seeding, 300, tolerance, FitContext.NONE);
                Lloyd.Outcome b = measured.run(initial, null, 300, tolerance, FitContext.NONE);
                assertThat(a.centres()).isEqualTo(b.centres());
                assertThat(a.inertia()).isEqualTo(b.inertia());
                assertThat(a.iterations()).isEqualTo(b.iterations());
                assertThat(seeded.labels).isEqualTo(measured.labels);
            }
        }
    }

    @Test
    void runFromGivenCentresStopsOnlyWhenNoLabelChangesAtToleranceZero() {
        DataMatrix x = blobs(3, 200, 2, 8L);
        double[] initial = Arrays.copyOf(x.rowMajorView(), 6); // three rows of the first blob
        KMeansAlgorithm.FixedStart run = kmeans.runFrom(x, initial, 300, 0);
        ClusteringResult fit = kmeans.fit(x, parameters(Map.of("k", 3, "restarts", 5)), 1L);
        assertThat(run.inertia()).isCloseTo(fit.inertia(), within(fit.inertia() * 1e-9));
        assertThat(kmeans.runFrom(x, initial, run.iterations() - 1, 0).iterations()).isEqualTo(run.iterations() - 1);
    }

    @Test
    void theToleranceIsRelativeToTheMeanVariance() {
        KMeansData data = KMeansData.of(DataMatrix.ofRows(new double[][] {{0, 10}, {2, 10}, {4, 40}, {6, 40}}), null, 2);
        // variances 5 and 225: mean 115
        assertThat(data.tolerance(1e-4, ChunkPool.SEQUENTIAL)).isCloseTo(0.0115, within(1e-15));
    }

    static DataMatrix blobs(int blobs, int perBlob, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[blobs * perBlob * d];
        for (int i = 0; i < blobs * perBlob; i++) {
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (j == (i / perBlob) % d ? 20.0 * (1 + (i / perBlob) / d) : 0) + random.nextGaussian();
            }
        }
        return DataMatrix.wrap(blobs * perBlob, d, values);
    }

    private static double[][] sortedCentres(NearestCentroidRule rule) {
        double[][] centres = new double[rule.segmentCount()][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = rule.centroid(c);
        }
        Arrays.sort(centres, Comparator.comparingDouble((double[] c) -> c[0]).thenComparingDouble(c -> c[1]));
        return centres;
    }
}
