package com.segments.domain.metric;

import com.segments.domain.feature.DataMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The gap statistic of Tibshirani, Walther and Hastie (2001): how much tighter the data's segments are than those
 * of data without any group structure. For each k, Gap(k) = E*[log W*_k] - log W_k, where W_k is the pooled
 * within-segment sum of squares and E* the mean over B reference draws, each uniform over the data's bounding box
 * (the paper's choice (a); the principal-axes box (b) is not used: the data reaching a comparison is already
 * standardised, which removes most of what (b) corrects). The standard error is s_k = sd_k sqrt(1 + 1/B), and the
 * 1-SE rule picks the smallest k with Gap(k) >= Gap(k') - s_k', k' being the next k searched.
 *
 * <p>Reference draws may have fewer rows (m) than the data (n), to keep the refits affordable; W is then compared
 * per row, log(W*_k / m) against log(W_k / n), which for m = n is exactly the paper's statistic. k = 1 is always
 * included: W_1 is the total sum of squares, which needs no fit, and a 1-SE choice of 1 means the data shows no
 * group structure stronger than uniform noise.
 */
public final class GapStatistic {

    private GapStatistic() {
    }

    /** Clusters a reference draw into k segments and returns its labels (noise as -1), or null when it cannot. */
    @FunctionalInterface
    public interface Fit {
        int[] labels(DataMatrix reference, int k, long seed);
    }

    /**
     * @param ks             the k searched, increasing, starting with 1
     * @param gap            Gap(k)
     * @param standardError  s_k
     * @param chosen         the 1-SE choice; empty when the gap still grows at the last k (more groups than searched)
     */
    public record Result(int[] ks, double[] gap, double[] standardError, OptionalInt chosen, int draws) {

        /** The gap at k, NaN when k was not searched. */
        public double gapAt(int k) {
            int i = Arrays.binarySearch(ks, k);
            return i < 0 ? Double.NaN : gap[i];
        }

        public double standardErrorAt(int k) {
            int i = Arrays.binarySearch(ks, k);
            return i < 0 ? Double.NaN : standardError[i];
        }
    }

    /** B draws of {@code rows} rows each, uniform over the bounding box of {@code data}, from a seed. */
    public static List<DataMatrix> referenceDraws(DataMatrix data, int draws, int rows, long seed) {
        int d = data.columns();
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        double[] v = data.rowMajorView();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                low[j] = Math.min(low[j], v[i * d + j]);
                high[j] = Math.max(high[j], v[i * d + j]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DataMatrix> references = new ArrayList<>(draws);
        for (int b = 0; b < draws; b++) {
            double[] values = new double[rows * d];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < d; j++) {
                    values[i * d + j] = low[j] + random.nextDouble() * (high[j] - low[j]);
                }
            }
            references.add(DataMatrix.wrap(rows, d, values));
        }
        return references;
    }

    /**
     * @param data             the data the observed segments were fitted on
     * @param ks               the k of the observed fits, increasing, each at least 2 (k = 1 is added)
     * @param observedWithinSs W_k of each observed fit, over its non-noise rows
     * @param references       from {@link #referenceDraws}
     * @param fit              clusters a reference draw; one seed per draw and k, drawn from {@code seed}
     */
    public static Result compute(DataMatrix data, int[] ks, double[] observedWithinSs, List<DataMatrix> references,
                                 long seed, Fit fit) {
        if (ks.length != observedWithinSs.length) {
            throw new IllegalArgumentException(ks.length + " k for " + observedWithinSs.length + " W values");
        }
        int[] all = new int[ks.length + 1];
        all[0] = 1;
        System.arraycopy(ks, 0, all, 1, ks.length);
        for (int i = 1; i < all.length; i++) {
            if (all[i] <= all[i - 1]) {
                throw new IllegalArgumentException("k must increase from 2; got " + Arrays.toString(ks));
            }
        }
        int draws = references.size();
        double[][] logW = new double[all.length][draws];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < draws; b++) {
            DataMatrix reference = references.get(b);
            logW[0][b] = Math.log(ClusterQuality.withinSumOfSquares(reference, new int[reference.rows()]) / reference.rows());
            for (int i = 1; i < all.length; i++) {
                int[] labels = fit.labels(reference, all[i], random.nextLong());
                logW[i][b] = labels == null ? logW[0][b]
                        : Math.log(ClusterQuality.withinSumOfSquares(reference, labels) / reference.rows());
            }
        }
        double[] observed = new double[all.length];
        observed[0] = Math.log(ClusterQuality.withinSumOfSquares(data, new int[data.rows()]) / data.rows());
        for (int i = 1; i < all.length; i++) {
            observed[i] = Math.log(observedWithinSs[i - 1] / data.rows());
        }
        return summarise(all, observed, logW);
    }

    /** Gap and s_k from the observed and reference log W, and the 1-SE choice. */
    static Result summarise(int[] ks, double[] observedLogW, double[][] referenceLogW) {
        int draws = referenceLogW[0].length;
        double[] gap = new double[ks.length];
        double[] se = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            double mean = Arrays.stream(referenceLogW[i]).average().orElse(Double.NaN);
            double squares = 0;
            for (double l : referenceLogW[i]) {
                squares += (l - mean) * (l - mean);
            }
            gap[i] = mean - observedLogW[i];
            se[i] = Math.sqrt(squares / draws) * Math.sqrt(1 + 1.0 / draws);
        }
        return new Result(ks, gap, se, oneStandardError(ks, gap, se), draws);
    }

    /** The smallest k whose gap is within one standard error of the next k's; empty when none is. */
    static OptionalInt oneStandardError(int[] ks, double[] gap, double[] se) {
        for (int i = 0; i + 1 < ks.length; i++) {
            if (gap[i] >= gap[i + 1] - se[i + 1]) {
                return OptionalInt.of(ks[i]);
            }
        }
        return OptionalInt.empty();
    }
}
