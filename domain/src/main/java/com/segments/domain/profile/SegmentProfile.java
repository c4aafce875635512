package com.segments.domain.profile;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.Imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        long[] sizes = new long[segments];
        for (int label : labels) {
            if (label >= 0) {
                sizes[label]++;
            }
        }
        List<List<FeatureProfile>> features = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            features.add(new ArrayList<>());
        }
        // Features are profiled in parallel (each sorts its column by segment for medians) and kept in column order.
        FeatureProfile[][] byColumn = new FeatureProfile[columns.size()][];
        IntStream.range(0, columns.size()).parallel().filter(j -> numeric[j])
                .forEach(j -> byColumn[j] = profileFeature(columns.get(j), original.column(j), labels, sizes));
        for (FeatureProfile[] perSegment : byColumn) {
            for (int s = 0; perSegment != null && s < segments; s++) {
                features.get(s).add(perSegment[s]);
            }
        }
        List<SegmentProfile> profiles = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            List<LevelProfile> levels = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                levels.addAll(overRepresented(categories.get(c), codes[c], labels, s, sizes[s]));
            }
            levels.sort(Comparator.comparingDouble((LevelProfile l) -> -l.lift()));
            profiles.add(new SegmentProfile(s, sizes[s], (double) sizes[s] / n, features.get(s), levels));
        }
        return profiles;
    }

    /** One feature's profile in every segment: the column is split by segment in one pass. */
    private static FeatureProfile[] profileFeature(String name, double[] column, int[] labels, long[] sizes) {
        int n = column.length;
        double populationMean = Arrays.stream(column).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : column) {
            ss += (v - populationMean) * (v - populationMean);
        }
        double populationSd = Math.sqrt(ss / Math.max(1, n));
        double populationMedian = Imputation.median(column);
        double[][] bySegment = new double[sizes.length][];
        int[] filled = new int[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            bySegment[s] = new double[(int) sizes[s]];
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                bySegment[labels[i]][filled[labels[i]]++] = column[i];
            }
        }
        FeatureProfile[] perSegment = new FeatureProfile[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            double[] values = bySegment[s];
            double mean = values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
            double z = populationSd > 0 ? (mean - populationMean) / populationSd : 0;
            perSegment[s] = new FeatureProfile(name, mean, Imputation.median(values), populationMean, populationMedian, z);
        }
        return perSegment;
    }

    /** The levels of one categorical field that segment {@code s} over-represents. */
    private static List<LevelProfile> overRepresented(Field field, double[] codes, int[] labels, int s, long size) {
        int buckets = field.levels().size() + 1;
        double[] population = new double[buckets];
        double[] segment = new double[buckets];
        for (int i = 0; i < labels.length; i++) {
            int bucket = bucket(codes[i], buckets);
            population[bucket]++;
            if (labels[i] == s) {
                segment[bucket]++;
            }
        }
        List<LevelProfile> levels = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            double share = size == 0 ? 0 : segment[b] / size;
            LevelProfile level = new LevelProfile(field.name(), b < field.levels().size() ? field.levels().get(b)
                    : Field.OTHER, share, population[b] / labels.length);
            if (share >= MIN_SHARE && level.lift() >= MIN_LIFT) {
                levels.add(level);
            }
        }
        return levels;
    }

    private static int bucket(double code, int buckets) {
        if (Double.isNaN(code)) {
            return buckets - 1;
        }
        return Math.min(Math.max((int) code, 0), buckets - 1);
    }
}
