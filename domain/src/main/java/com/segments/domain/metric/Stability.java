package com.segments.domain.metric;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.feature.DataMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * How stable a segmentation is under resampling, after Hennig's clusterboot: refit on B seeded bootstrap samples,
 * assign every row with each refit's rule, and for each original segment take the best Jaccard overlap with a
 * refit segment; average over refits. A segment whose mean Jaccard is 0.5 or less is "dissolved", 0.75 or more
 * "stable". The mean adjusted Rand index between the refits' labelings says how much the whole partition moves.
 *
 * <p>Bootstrap samples have {@code min(n, sampleSize)} rows drawn with replacement (an m-out-of-n bootstrap when
 * the data are larger), so that stability stays affordable for algorithms whose fit grows with n². The samples are
 * drawn once ({@link #samples}) and can be shared by every configuration compared on the same data, so that the
 * configurations are judged on the same resamples. A refit that fails (finds no segment) counts as dissolving
 * every segment.
 */
public final class Stability {

    public static final double DISSOLVED = 0.5;
    public static final double STABLE = 0.75;

    private Stability() {
    }

    /**
     * @param jaccard    per original segment, mean best Jaccard over refits
     * @param meanAri    mean adjusted Rand index over all pairs of refits (NaN with fewer than two)
     * @param refits     B
     * @param sampleSize rows in each bootstrap sample
     */
    public record Result(double[] jaccard, double meanAri, int refits, int sampleSize) {

        public double meanJaccard() {
            return java.util.Arrays.stream(jaccard).average().orElse(Double.NaN);
        }

        public long dissolved() {
            return java.util.Arrays.stream(jaccard).filter(j -> j <= DISSOLVED).count();
        }
    }

    /** B bootstrap samples of {@code min(n, sampleSize)} rows each, drawn with replacement from a seed. */
    public static List<DataMatrix> samples(DataMatrix data, int refits, int sampleSize, long seed) {
        int n = data.rows();
        int m = Math.min(n, sampleSize);
        SplittableRandom random = new SplittableRandom(seed);
        List<DataMatrix> samples = new ArrayList<>(refits);
        for (int b = 0; b < refits; b++) {
            int[] sample = new int[m];
            for (int i = 0; i < m; i++) {
                sample[i] = random.nextInt(n);
            }
            samples.add(data.selectRows(sample));
        }
        return samples;
    }

    /**
     * @param samples from {@link #samples}
     * @param refit   fits the algorithm on a sample with a seed and returns its rule, or null when the fit failed
     */
    public static Result bootstrap(DataMatrix data, int[] labels, int segments, List<DataMatrix> samples, long seed,
                                   BiFunction<DataMatrix, Long, AssignmentRule> refit) {
        int refits = samples.size();
        SplittableRandom random = new SplittableRandom(seed);
        double[] jaccardSums = new double[segments];
        List<int[]> labelings = new ArrayList<>();
        for (DataMatrix sample : samples) {
            AssignmentRule rule = refit.apply(sample, random.nextLong());
            if (rule == null) {
                int[] allNoise = new int[data.rows()];
                java.util.Arrays.fill(allNoise, Assignment.NOISE);
                labelings.add(allNoise);
                continue;
            }
            int[] relabelled = rule.labelAll(data.rowMajorView());
            labelings.add(relabelled);
            double[] best = bestJaccard(labels, segments, relabelled, rule.segmentCount());
            for (int c = 0; c < segments; c++) {
                jaccardSums[c] += best[c];
            }
        }
        double[] jaccard = new double[segments];
        for (int c = 0; c < segments; c++) {
            jaccard[c] = refits == 0 ? Double.NaN : jaccardSums[c] / refits;
        }
        double ariSum = 0;
        int pairs = 0;
        for (int i = 0; i < labelings.size(); i++) {
            for (int j = i + 1; j < labelings.size(); j++) {
                ariSum += AdjustedRandIndex.of(labelings.get(i), labelings.get(j));
                pairs++;
            }
        }
        return new Result(jaccard, pairs == 0 ? Double.NaN : ariSum / pairs, refits,
                samples.isEmpty() ? 0 : samples.getFirst().rows());
    }

    /** For each original segment, the best Jaccard index against any segment of the other labeling. */
    static double[] bestJaccard(int[] original, int segments, int[] other, int otherSegments) {
        long[][] both = new long[segments][otherSegments];
        long[] originalSizes = new long[segments];
        long[] otherSizes = new long[otherSegments];
        for (int i = 0; i < original.length; i++) {
            int o = original[i];
            int r = other[i];
            if (o != Assignment.NOISE) {
                originalSizes[o]++;
            }
            if (r != Assignment.NOISE) {
                otherSizes[r]++;
            }
            if (o != Assignment.NOISE && r != Assignment.NOISE) {
                both[o][r]++;
            }
        }
        double[] best = new double[segments];
        for (int c = 0; c < segments; c++) {
            for (int d = 0; d < otherSegments; d++) {
                long union = originalSizes[c] + otherSizes[d] - both[c][d];
                if (union > 0) {
                    best[c] = Math.max(best[c], (double) both[c][d] / union);
                }
            }
        }
        return best;
    }
}
