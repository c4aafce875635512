package com.segments.algorithms;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.feature.DataMatrix;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What every plugin checks before fitting, the thread count, and the memory guardrail shared by the O(n²) algorithms.
 * It names no clustering library, so a plugin that uses none (our k-means) loads none through it.
 */
public final class FitSupport {

    private FitSupport() {
    }

    /**
     * Threads a fit may use: the {@code segments.threads} system property, else one per core. Results never depend
     * on it (each plugin splits work so that the same seed gives the same answer on any number of threads).
     */
    public static int threads() {
        String configured = System.getProperty("segments.threads");
        if (configured != null && !configured.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(configured.strip()));
            } catch (NumberFormatException e) {
                throw new SegmentsException("segments.threads must be a whole number, got '" + configured + "'");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Refuses input no clustering can use, naming why. */
    public static void checkFittable(DataMatrix data, int segments) {
        if (data.rows() == 0) {
            throw new SegmentsException("cannot cluster an empty data set (0 rows)");
        }
        if (segments > data.rows()) {
            throw new SegmentsException("k = " + segments + " is larger than the " + data.rows() + " rows to cluster");
        }
        for (double v : data.rowMajorView()) {
            if (!Double.isFinite(v)) {
                throw new SegmentsException("clustering needs finite values; impute missing values first");
            }
        }
        Set<List<Double>> distinct = new HashSet<>();
        double[] row = new double[data.columns()];
        for (int i = 0; i < data.rows() && distinct.size() < segments; i++) {
            distinct.add(Arrays.stream(data.copyRow(i, row)).boxed().toList());
        }
        if (distinct.size() < segments) {
            throw new SegmentsException("k = " + segments + " segments need " + segments
                    + " distinct rows; the data has only " + distinct.size());
        }
    }

    /**
     * How many rows an O(n²)-memory algorithm may fit on: at most {@code maxFitRows}, and fewer when the estimated
     * memory ({@code bytesPerPair} per pair of rows) would take more than half of what this JVM may still use.
     */
    static int affordableRows(int rows, int maxFitRows, double bytesPerPair) {
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        int byMemory = (int) Math.min(Integer.MAX_VALUE, Math.floor(Math.sqrt(available / bytesPerPair)));
        return Math.min(rows, Math.min(maxFitRows, byMemory));
    }

    /** A seeded uniform sample of {@code size} distinct row indices, sorted. */
    public static int[] sample(int rows, int size, long seed) {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int swap = i + random.nextInt(rows - i);
            int tmp = all[i];
            all[i] = all[swap];
            all[swap] = tmp;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Training labels for every row: the algorithm's own labels for the rows it fitted on, the rule's for the rest.
     */
    static int[] labelsForAllRows(DataMatrix data, int[] fitted, int[] fittedLabels, AssignmentRule rule) {
        if (fitted.length == data.rows()) {
            return fittedLabels.clone();
        }
        int[] labels = rule.labelAll(data.rowMajorView());
        for (int i = 0; i < fitted.length; i++) {
            labels[fitted[i]] = fittedLabels[i];
        }
        return labels;
    }

    /** Share of rows whose training label the rule gives back: 1 for k-means, reported for the others. */
    static double agreement(DataMatrix data, int[] labels, AssignmentRule rule) {
        return PredictAgreement.of(rule, data.rowMajorView(), labels);
    }
}
