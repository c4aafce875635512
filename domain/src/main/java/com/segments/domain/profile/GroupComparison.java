package com.segments.domain.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The segment mix of each group (bank, branch, country) against the whole population: a chi-square test of
 * independence over the group × segment table, the adjusted standardised residual of every cell (about N(0, 1) when
 * group and segment are unrelated, so |r| > 3 is a real difference), and plain-language findings.
 *
 * @param groups      group values, in table order
 * @param segments    segment names, in segment order
 * @param counts      customers per group (rows) and segment (columns)
 * @param residuals   adjusted standardised residuals, same shape
 * @param chiSquare   Pearson's statistic
 * @param degreesOfFreedom (groups - 1) × (segments - 1)
 * @param pValue      probability of a statistic this large if group and segment were unrelated
 * @param findings    the notable differences, strongest first
 */
public record GroupComparison(String groupColumn, List<String> groups, List<String> segments, long[][] counts,
                              double[][] residuals, double chiSquare, int degreesOfFreedom, double pValue,
                              List<String> findings) {

    /** A residual beyond this is reported as a finding. */
    public static final double NOTABLE = 3.0;

    /**
     * @param groupOf   each customer's group value
     * @param segmentOf each customer's segment (negative: noise, left out)
     */
    public static GroupComparison of(String groupColumn, String[] groupOf, int[] segmentOf, List<String> segmentNames) {
        List<String> sorted = java.util.Arrays.stream(groupOf).map(GroupComparison::key).distinct().sorted().toList();
        java.util.Map<String, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            row.put(sorted.get(i), i);
        }
        int k = segmentNames.size();
        long[][] counts = new long[sorted.size()][k];
        for (int i = 0; i < groupOf.length; i++) {
            if (segmentOf[i] < 0) {
                continue;
            }
            counts[row.get(key(groupOf[i]))][segmentOf[i]]++;
        }
        long n = 0;
        long[] rowTotal = new long[sorted.size()];
        long[] columnTotal = new long[k];
        for (int g = 0; g < counts.length; g++) {
            for (int s = 0; s < k; s++) {
                rowTotal[g] += counts[g][s];
                columnTotal[s] += counts[g][s];
                n += counts[g][s];
            }
        }
        double chi = 0;
        double[][] residuals = new double[counts.length][k];
        for (int g = 0; g < counts.length; g++) {
            for (int s = 0; s < k; s++) {
                double expected = n == 0 ? 0 : (double) rowTotal[g] * columnTotal[s] / n;
                if (expected > 0) {
                    chi += (counts[g][s] - expected) * (counts[g][s] - expected) / expected;
                    double variance = expected * (1 - (double) rowTotal[g] / n) * (1 - (double) columnTotal[s] / n);
                    residuals[g][s] = variance > 0 ? (counts[g][s] - expected) / Math.sqrt(variance) : 0;
                }
            }
        }
        int usedRows = (int) java.util.Arrays.stream(rowTotal).filter(t -> t > 0).count();
        int usedColumns = (int) java.util.Arrays.stream(columnTotal).filter(t -> t > 0).count();
        int df = Math.max(0, (usedRows - 1) * (usedColumns - 1));
        double p = df == 0 ? 1.0 : ChiSquareDistribution.survival(chi, df);
        List<String> findings = findings(groupColumn, sorted, segmentNames, counts, residuals, rowTotal, columnTotal, n);
        return new GroupComparison(groupColumn, sorted, segmentNames, counts, residuals, chi, df, p, findings);
    }

    private static String key(String group) {
        return group == null || group.isBlank() ? "(none)" : group;
    }

    private static List<String> findings(String column, List<String> groups, List<String> segments, long[][] counts,
                                         double[][] residuals, long[] rowTotal, long[] columnTotal, long n) {
        record Finding(double strength, String text) {
        }
        List<Finding> found = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < segments.size(); s++) {
                if (Math.abs(residuals[g][s]) < NOTABLE || rowTotal[g] == 0 || columnTotal[s] == 0) {
                    continue;
                }
                double share = (double) counts[g][s] / rowTotal[g];
                double overall = (double) columnTotal[s] / n;
                String text;
                if (counts[g][s] == 0) {
                    text = String.format(Locale.ROOT, "%s has no %s customers (%.0f expected from the overall %.1f%%)",
                            groups.get(g), segments.get(s), overall * rowTotal[g], 100 * overall);
                } else if (share > overall) {
                    text = String.format(Locale.ROOT, "%s has %.1f× the share of %s customers (%.1f%% against %.1f%% overall)",
                            groups.get(g), share / overall, segments.get(s), 100 * share, 100 * overall);
                } else {
                    text = String.format(Locale.ROOT, "%s has %.1f× fewer %s customers than overall (%.1f%% against %.1f%%)",
                            groups.get(g), overall / share, segments.get(s), 100 * share, 100 * overall);
                }
                found.add(new Finding(Math.abs(residuals[g][s]), text + String.format(Locale.ROOT, "; residual %+.1f", residuals[g][s])));
            }
        }
        found.sort(Comparator.comparingDouble((Finding f) -> -f.strength()));
        List<String> out = new ArrayList<>();
        if (found.isEmpty()) {
            out.add("no " + column + " differs from the overall segment mix by more than chance would explain (all |residual| < "
                    + NOTABLE + ")");
        }
        found.forEach(f -> out.add(f.text()));
        return out;
    }
}
