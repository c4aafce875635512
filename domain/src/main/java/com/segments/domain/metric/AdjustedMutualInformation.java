package com.segments.domain.metric;

import java.util.Map;
import java.util.TreeMap;

/**
 * Adjusted mutual information between two labelings (Vinh, Epps and Bailey 2010), with the arithmetic mean of the
 * entropies as normaliser and the exact expected mutual information under the hypergeometric model, as
 * scikit-learn's {@code adjusted_mutual_info_score} computes it.
 */
public final class AdjustedMutualInformation {

    private AdjustedMutualInformation() {
    }

    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " labels against " + b.length);
        }
        int n = a.length;
        int[] rowIds = ids(a);
        int[] columnIds = ids(b);
        int rows = max(rowIds) + 1;
        int columns = max(columnIds) + 1;
        if (rows == 1 && columns == 1 || rows == n && columns == n) {
            return 1.0; // identical trivial partitions, as scikit-learn defines it
        }
        long[][] table = new long[rows][columns];
        long[] rowSums = new long[rows];
        long[] columnSums = new long[columns];
        for (int i = 0; i < n; i++) {
            table[rowIds[i]][columnIds[i]]++;
            rowSums[rowIds[i]]++;
            columnSums[columnIds[i]]++;
        }
        double mutual = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long cell = table[r][c];
                if (cell > 0) {
                    mutual += (double) cell / n * (Math.log(cell) + Math.log(n) - Math.log(rowSums[r]) - Math.log(columnSums[c]));
                }
            }
        }
        double expected = expectedMutualInformation(rowSums, columnSums, n);
        double normaliser = (entropy(rowSums, n) + entropy(columnSums, n)) / 2;
        double denominator = normaliser - expected;
        double epsilon = Math.ulp(1.0);
        if (Math.abs(denominator) < epsilon) {
            denominator = denominator < 0 ? -epsilon : epsilon;
        }
        return (mutual - expected) / denominator;
    }

    private static double expectedMutualInformation(long[] rowSums, long[] columnSums, int n) {
        double[] logFactorial = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double expected = 0;
        for (long ai : rowSums) {
            for (long bj : columnSums) {
                long low = Math.max(1, ai + bj - n);
                long high = Math.min(ai, bj);
                double fixed = logFactorial[(int) ai] + logFactorial[(int) bj] + logFactorial[(int) (n - ai)]
                        + logFactorial[(int) (n - bj)] - logFactorial[n];
                for (long nij = low; nij <= high; nij++) {
                    double term = (double) nij / n * (Math.log(nij) + Math.log(n) - Math.log(ai) - Math.log(bj));
                    double logProbability = fixed - logFactorial[(int) nij] - logFactorial[(int) (ai - nij)]
                            - logFactorial[(int) (bj - nij)] - logFactorial[(int) (n - ai - bj + nij)];
                    expected += term * Math.exp(logProbability);
                }
            }
        }
        return expected;
    }

    private static double entropy(long[] sums, int n) {
        double h = 0;
        for (long s : sums) {
            if (s > 0) {
                double p = (double) s / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static int[] ids(int[] labels) {
        Map<Integer, Integer> ids = new TreeMap<>();
        for (int label : labels) {
            ids.putIfAbsent(label, ids.size());
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = ids.get(labels[i]);
        }
        return out;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
