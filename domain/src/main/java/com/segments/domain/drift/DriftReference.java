package com.segments.domain.drift;

import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.Quantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a version's training data looked like, stored with the version so that any later batch can be compared
 * with it: per input field its distribution in original units ({@link FieldReference}), per segment its share and
 * the share of its members beyond the segment's outlier radius.
 *
 * @param rows            training rows it summarises
 * @param fields          one per field of the model's schema, in schema order
 * @param segmentShares   share of training rows per segment, and last the share of noise
 * @param outlierShares   per segment, the share of its training members flagged as outliers
 * @param segmentCentres  per segment, the mean of its training members in the clustering space (row-major, k rows);
 *                        empty when not measured
 * @param segmentSpreads  per segment, the root mean square distance of its members to that mean; empty when not
 *                        measured
 */
public record DriftReference(long rows, List<FieldReference> fields, double[] segmentShares, double[] outlierShares,
                             double[] segmentCentres, double[] segmentSpreads) {

    /** Rows of the training data the quantiles are computed from at most (evenly spread over the data). */
    static final int MAX_SUMMARY_ROWS = 200_000;

    /** PSI bins of a number field: deciles. */
    static final int BINS = 10;

    public DriftReference {
        fields = List.copyOf(fields);
        segmentShares = segmentShares.clone();
        outlierShares = outlierShares.clone();
        segmentCentres = segmentCentres.clone();
        segmentSpreads = segmentSpreads.clone();
        if (segmentSpreads.length != 0 && (segmentSpreads.length != outlierShares.length
                || segmentCentres.length % segmentSpreads.length != 0)) {
            throw new IllegalArgumentException(segmentSpreads.length + " segment spreads and " + segmentCentres.length
                    + " centre values do not describe " + outlierShares.length + " segments");
        }
        if (segmentShares.length != outlierShares.length + 1) {
            throw new IllegalArgumentException(outlierShares.length + " segments need " + (outlierShares.length + 1)
                    + " shares (the last for noise), not " + segmentShares.length);
        }
    }

    public int segmentCount() {
        return outlierShares.length;
    }

    /** Width of the clustering space the segment centres are in, or 0 when they were not measured. */
    public int spaceWidth() {
        return segmentSpreads.length == 0 ? 0 : segmentCentres.length / segmentSpreads.length;
    }

    /**
     * Summarises training data.
     *
     * @param schema   the model's input fields
     * @param raw      the training rows in raw units, row-major, {@code schema.size()} wide (NaN missing; categories
     *                 as level codes)
     * @param segments each row's segment ({@code -1} for noise)
     * @param outlier  each row's outlier flag
     * @param k        number of segments
     */
    public static DriftReference fit(FeatureSchema schema, double[] raw, int[] segments, boolean[] outlier, int k) {
        return fit(schema, raw, segments, outlier, k, new double[0], 0);
    }

    /**
     * The same, with each segment's centre and spread in the clustering space measured on {@code transformed} (the
     * training rows there, row-major, {@code width} wide), so that a batch's members can be seen moving away.
     */
    public static DriftReference fit(FeatureSchema schema, double[] raw, int[] segments, boolean[] outlier, int k,
                                     double[] transformed, int width) {
        int d = schema.size();
        int n = segments.length;
        if (raw.length != (long) n * d) {
            throw new IllegalArgumentException(raw.length + " values for " + n + " rows of " + d + " fields");
        }
        List<FieldReference> fields = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            fields.add(field(schema.fields().get(j), raw, n, d, j));
        }
        long[] perSegment = new long[k + 1];
        long[] outliers = new long[k];
        for (int i = 0; i < n; i++) {
            int s = segments[i];
            if (s < 0) {
                perSegment[k]++;
            } else {
                perSegment[s]++;
                if (outlier[i]) {
                    outliers[s]++;
                }
            }
        }
        double[] outlierShares = new double[k];
        for (int s = 0; s < k; s++) {
            outlierShares[s] = perSegment[s] == 0 ? 0 : (double) outliers[s] / perSegment[s];
        }
        double[] centres = new double[0];
        double[] spreads = new double[0];
        if (width > 0) {
            centres = new double[k * width];
            for (int i = 0; i < n; i++) {
                if (segments[i] >= 0) {
                    for (int f = 0; f < width; f++) {
                        centres[segments[i] * width + f] += transformed[i * width + f];
                    }
                }
            }
            for (int s = 0; s < k; s++) {
                for (int f = 0; f < width && perSegment[s] > 0; f++) {
                    centres[s * width + f] /= perSegment[s];
                }
            }
            spreads = new double[k];
            for (int i = 0; i < n; i++) {
                int s = segments[i];
                if (s >= 0) {
                    for (int f = 0; f < width; f++) {
                        double gap = transformed[i * width + f] - centres[s * width + f];
                        spreads[s] += gap * gap;
                    }
                }
            }
            for (int s = 0; s < k; s++) {
                spreads[s] = perSegment[s] == 0 ? 0 : Math.sqrt(spreads[s] / perSegment[s]);
            }
        }
        return new DriftReference(n, fields, DriftStatistics.shares(perSegment), outlierShares, centres, spreads);
    }

    private static FieldReference field(Field field, double[] raw, int n, int d, int j) {
        boolean category = field.kind() == Field.Kind.CATEGORY;
        int step = Math.max(1, (int) Math.ceil((double) n / MAX_SUMMARY_ROWS));
        int missing = 0;
        int seen = 0;
        double[] present = new double[(n + step - 1) / step];
        int count = 0;
        for (int i = 0; i < n; i += step) {
            double v = raw[i * d + j];
            seen++;
            if (Double.isNaN(v)) {
                missing++;
            } else {
                present[count++] = v;
            }
        }
        double missingRate = seen == 0 ? 0 : (double) missing / seen;
        present = Arrays.copyOf(present, count);
        if (category) {
            List<String> levels = field.levels();
            long[] counts = new long[levels.size()];
            for (double v : present) {
                int code = (int) v;
                counts[code >= 0 && code < counts.length ? code : counts.length - 1]++;
            }
            return new FieldReference(field.name(), true, missingRate, Double.NaN, Double.NaN, new double[0],
                    new double[0], DriftStatistics.shares(counts), levels);
        }
        if (count == 0) {
            return new FieldReference(field.name(), false, missingRate, Double.NaN, Double.NaN, new double[0],
                    new double[0], new double[] {0}, List.of());
        }
        Arrays.sort(present);
        double mean = 0;
        for (double v : present) {
            mean += v;
        }
        mean /= count;
        double squares = 0;
        for (double v : present) {
            squares += (v - mean) * (v - mean);
        }
        double spread = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        double[] quantiles = new double[FieldReference.QUANTILES];
        for (int q = 0; q < quantiles.length; q++) {
            quantiles[q] = Quantiles.ofSorted(present, (q + 0.5) / quantiles.length);
        }
        double[] edges = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            edges[b - 1] = Quantiles.ofSorted(present, (double) b / BINS);
        }
        long[] counts = new long[BINS];
        for (double v : present) {
            counts[DriftStatistics.bin(edges, v)]++;
        }
        return new FieldReference(field.name(), false, missingRate, mean, spread, quantiles, edges,
                DriftStatistics.shares(counts), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftReference other && rows == other.rows && fields.equals(other.fields)
                && Arrays.equals(segmentShares, other.segmentShares) && Arrays.equals(outlierShares, other.outlierShares)
                && Arrays.equals(segmentCentres, other.segmentCentres) && Arrays.equals(segmentSpreads, other.segmentSpreads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, fields, Arrays.hashCode(segmentShares), Arrays.hashCode(outlierShares));
    }

    @Override
    public String toString() {
        return "DriftReference[rows=" + rows + ", fields=" + fields.size() + ", segments=" + segmentCount() + "]";
    }
}
