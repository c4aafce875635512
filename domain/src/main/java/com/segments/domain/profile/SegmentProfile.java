package com.segments.domain.profile;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.Imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a segment is, in the population's terms: its size, every numeric feature against the population (mean,
 * median, standardised difference), and the levels of categorical features it over-represents.
 */
public record SegmentProfile(int segment, long size, double share, List<FeatureProfile> features,
                             List<LevelProfile> overRepresented) {

    /** A level counts as over-represented at this lift and this share of the segment at least. */
    public static final double MIN_LIFT = 1.25;
    public static final double MIN_SHARE = 0.10;

    public SegmentProfile {
        features = List.copyOf(features);
        overRepresented = List.copyOf(overRepresented);
    }

    /** The features that most distinguish the segment, by absolute standardised difference, largest first. */
    public List<FeatureProfile> distinguishing(int count) {
        return features.stream().filter(f -> Double.isFinite(f.standardisedDifference()))
                .sorted(Comparator.comparingDouble((FeatureProfile f) -> -Math.abs(f.standardisedDifference())))
                .limit(count).toList();
    }

    /** The profile of one feature, or null when the model has no such feature. */
    public FeatureProfile feature(String name) {
        for (FeatureProfile f : features) {
            if (f.feature().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Profiles every segment.
     *
     * @param original   numeric values in original units (imputed), rows as {@code labels}
     * @param columns    names of {@code original}'s columns
     * @param numeric    which of those columns are numeric features to profile (categorical codes are not)
     * @param categories the categorical fields, and their columns in {@code codes}
     * @param codes      raw level codes per row for each categorical field (see {@link Field#encode})
     * @param labels     segment per row, {@link Assignment#NOISE} for none
     */
    public static List<SegmentProfile> of(DataMatrix original, List<String> columns, boolean[] numeric,
                                          List<Field> categories, double[][] codes, int[] labels, int segments) {
        int n = labels.length;
        int d = columns.size();
        double[] populationMean = new double[d];
        double[] populationSd = new double[d];
        double[] populationMedian = new double[d];
        for (int j = 0; j < d; j++) {
            if (!numeric[j]) {
                continue;
            }
            double[] column = original.column(j);
            populationMean[j] = Arrays.stream(column).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : column) {
                ss += (v - populationMean[j]) * (v - populationMean[j]);
            }
            populationSd[j] = Math.sqrt(ss / Math.max(1, n));
            populationMedian[j] = Imputation.median(column);
        }
        List<SegmentProfile> profiles = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            int size = 0;
            for (int label : labels) {
                size += label == s ? 1 : 0;
            }
            int[] members = new int[size];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == s) {
                    members[m++] = i;
                }
            }
            List<FeatureProfile> features = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                if (!numeric[j]) {
                    continue;
                }
                double[] values = new double[size];
                for (int r = 0; r < size; r++) {
                    values[r] = original.get(members[r], j);
                }
                double mean = size == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
                double z = populationSd[j] > 0 ? (mean - populationMean[j]) / populationSd[j] : 0;
                features.add(new FeatureProfile(columns.get(j), mean, Imputation.median(values),
                        populationMean[j], populationMedian[j], z));
            }
            List<LevelProfile> levels = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                Field field = categories.get(c);
                int buckets = field.levels().size() + 1;
                double[] population = new double[buckets];
                double[] segment = new double[buckets];
                for (int i = 0; i < n; i++) {
                    int bucket = bucket(codes[c][i], buckets);
                    population[bucket]++;
                    if (labels[i] == s) {
                        segment[bucket]++;
                    }
                }
                for (int b = 0; b < buckets; b++) {
                    double share = size == 0 ? 0 : segment[b] / size;
                    double populationShare = population[b] / n;
                    LevelProfile level = new LevelProfile(field.name(), b < field.levels().size() ? field.levels().get(b)
                            : Field.OTHER, share, populationShare);
                    if (share >= MIN_SHARE && level.lift() >= MIN_LIFT) {
                        levels.add(level);
                    }
                }
            }
            levels.sort(Comparator.comparingDouble((LevelProfile l) -> -l.lift()));
            profiles.add(new SegmentProfile(s, size, (double) size / n, features, levels));
        }
        return profiles;
    }

    private static int bucket(double code, int buckets) {
        if (Double.isNaN(code)) {
            return buckets - 1;
        }
        return Math.min(Math.max((int) code, 0), buckets - 1);
    }
}
