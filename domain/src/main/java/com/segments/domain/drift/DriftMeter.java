package com.segments.domain.drift;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.feature.Quantiles;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Measures a batch against a {@link DriftReference} as it streams by, block after block, in memory that does not grow
 * with the batch: exact counts per PSI bin, level, segment and outlier flag, and a seeded uniform sample of each
 * number field (at most {@link #SAMPLE} values) for the Kolmogorov-Smirnov and Wasserstein comparisons.
 */
public final class DriftMeter {

    /** Values per number field kept for the distribution comparisons (a uniform reservoir sample). */
    public static final int SAMPLE = 20_000;

    private final DriftReference reference;
    private final int width;
    private final long[][] binCounts;
    private final long[] missing;
    private final double[][] samples;
    private final int[] sampled;
    private final long[] present;
    private final long[] perSegment;
    private final long[] outliers;
    private final double[] memberSums;
    private final long[] members;
    private final SplittableRandom random = new SplittableRandom(20_011);
    private long rows;

    private final int sampleSize;

    public DriftMeter(DriftReference reference) {
        this(reference, SAMPLE);
    }

    /**
     * @param sampleSize values kept per number field for the distribution comparisons; 0 keeps none (a live window
     *                   that must hold no customer's values: PSI, missing shares and segments only)
     */
    public DriftMeter(DriftReference reference, int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("a sample size cannot be negative: " + sampleSize);
        }
        this.sampleSize = sampleSize;
        this.reference = reference;
        this.width = reference.fields().size();
        this.binCounts = new long[width][];
        this.samples = new double[width][];
        for (int j = 0; j < width; j++) {
            FieldReference field = reference.fields().get(j);
            binCounts[j] = new long[field.bins()];
            samples[j] = field.category() ? new double[0] : new double[sampleSize];
        }
        this.missing = new long[width];
        this.sampled = new int[width];
        this.present = new long[width];
        this.perSegment = new long[reference.segmentCount() + 1];
        this.outliers = new long[reference.segmentCount()];
        this.memberSums = new double[reference.segmentCentres().length];
        this.members = new long[reference.segmentCount()];
    }

    /**
     * Adds where a block's rows lie in the clustering space (row-major, as wide as the reference's segment centres),
     * with their assignments, so that each segment's members can be seen moving from where they were at training.
     */
    public void addPositions(double[] transformed, Assignments assignments) {
        int width = reference.spaceWidth();
        if (width == 0) {
            return;
        }
        if (transformed.length != (long) assignments.size() * width) {
            throw new IllegalArgumentException(transformed.length + " values for " + assignments.size() + " rows of "
                    + width + " dimensions");
        }
        for (int i = 0; i < assignments.size(); i++) {
            int s = assignments.segment(i);
            if (s >= 0 && s < members.length) {
                members[s]++;
                for (int f = 0; f < width; f++) {
                    memberSums[s * width + f] += transformed[i * width + f];
                }
            }
        }
    }

    /**
     * Adds a block: its rows in raw units (row-major, as wide as the reference's fields) and their assignments.
     */
    public void add(double[] raw, Assignments assignments) {
        int n = assignments.size();
        if (raw.length != (long) n * width) {
            throw new IllegalArgumentException(raw.length + " values for " + n + " rows of " + width + " fields");
        }
        for (int i = 0; i < n; i++) {
            addRow(raw, i * width, assignments.segment(i), assignments.outlier(i));
        }
    }

    /** Adds one row: its raw values from {@code offset}, its segment ({@code -1} for noise) and outlier flag. */
    public void addRow(double[] raw, int offset, int segment, boolean outlier) {
        int k = reference.segmentCount();
        for (int j = 0; j < width; j++) {
            double v = raw[offset + j];
            if (Double.isNaN(v)) {
                missing[j]++;
                continue;
            }
            if (binCounts[j].length > 0) {
                binCounts[j][reference.fields().get(j).binOf(v)]++;
            }
            if (samples[j].length > 0) {
                keep(j, v);
            }
        }
        if (segment == Assignment.NOISE || segment < 0 || segment >= k) {
            perSegment[k]++;
        } else {
            perSegment[segment]++;
            if (outlier) {
                outliers[segment]++;
            }
        }
        rows++;
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** Adds what {@code other} (a meter of the same reference that keeps no sample) has counted. */
    public void addAll(DriftMeter other) {
        if (other.reference != reference || other.sampleSize != 0) {
            throw new IllegalArgumentException("only a sample-free meter of the same reference can be added");
        }
        for (int j = 0; j < width; j++) {
            for (int b = 0; b < binCounts[j].length; b++) {
                binCounts[j][b] += other.binCounts[j][b];
            }
            missing[j] += other.missing[j];
        }
        for (int s = 0; s < perSegment.length; s++) {
            perSegment[s] += other.perSegment[s];
        }
        for (int s = 0; s < outliers.length; s++) {
            outliers[s] += other.outliers[s];
        }
        rows += other.rows;
    }

    /** Reservoir sampling (Vitter's algorithm R), seeded: the same batch gives the same sample. */
    private void keep(int j, double v) {
        long seen = ++present[j];
        if (sampled[j] < SAMPLE) {
            samples[j][sampled[j]++] = v;
        } else {
            long slot = random.nextLong(seen);
            if (slot < SAMPLE) {
                samples[j][(int) slot] = v;
            }
        }
    }

    /**
     * The report of everything added so far.
     *
     * @param version     the version the reference belongs to
     * @param thresholds  where the levels are drawn
     * @param tests       p-values
     * @param segmentName names segments in the reasons
     */
    public DriftReport report(long version, DriftThresholds thresholds, SignificanceTests tests,
                              IntFunction<String> segmentName) {
        if (rows == 0) {
            throw new IllegalArgumentException("the batch has no rows to compare");
        }
        List<Reason> reasons = new ArrayList<>();
        List<DriftReport.FieldDrift> fields = new ArrayList<>(width);
        DriftReport.Level verdict = DriftReport.Level.STABLE;
        for (int j = 0; j < width; j++) {
            DriftReport.FieldDrift drift = field(j, thresholds, tests, reasons);
            fields.add(drift);
            verdict = verdict.worst(drift.level());
        }
        int k = reference.segmentCount();
        double[] shares = DriftStatistics.shares(perSegment);
        double[] referenceShares = reference.segmentShares();
        boolean noise = referenceShares[k] > 0 || perSegment[k] > 0;
        double[] expected = noise ? referenceShares : Arrays.copyOf(referenceShares, k);
        double[] actual = noise ? shares : Arrays.copyOf(shares, k);
        double sharePsi = DriftStatistics.psi(expected, actual);
        long[] counts = noise ? perSegment : Arrays.copyOf(perSegment, k);
        double chiSquare = DriftStatistics.chiSquare(counts, expected);
        double pValue = counts.length > 1 ? tests.chiSquarePValue(chiSquare, counts.length - 1) : 1.0;
        DriftReport.Level shareLevel = level(sharePsi, thresholds.psiWatch(), thresholds.psiDrifted());
        List<DriftReport.SegmentDrift> segments = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            double outlierShare = perSegment[s] == 0 ? 0 : (double) outliers[s] / perSegment[s];
            double referenceOutliers = reference.outlierShares()[s];
            DriftReport.Level level = shareLevel == DriftReport.Level.STABLE ? DriftReport.Level.STABLE
                    : level(Math.abs(shares[s] - referenceShares[s]) >= 0.02 ? sharePsi : 0, thresholds.psiWatch(),
                    thresholds.psiDrifted());
            if (level != DriftReport.Level.STABLE) {
                reasons.add(new Reason(level, sharePsi + Math.abs(shares[s] - referenceShares[s]),
                        segmentName.apply(s) + (shares[s] > referenceShares[s]
                        ? " grew from " : " shrank from ") + percent(referenceShares[s]) + " to " + percent(shares[s])
                        + " of customers (segment shares PSI " + figure(sharePsi) + ")"));
            }
            if (perSegment[s] >= 20 && outlierShare >= thresholds.outlierFactor() * referenceOutliers
                    && outlierShare - referenceOutliers >= thresholds.outlierMinimum()) {
                level = level.worst(DriftReport.Level.WATCH);
                reasons.add(new Reason(DriftReport.Level.WATCH, outlierShare - referenceOutliers, segmentName.apply(s)
                        + ": " + percent(outlierShare) + " of its customers lie beyond its radius, against "
                        + percent(referenceOutliers) + " at training"));
            }
            double move = move(s);
            if (!Double.isNaN(move)) {
                DriftReport.Level moved = level(move, thresholds.moveWatch(), thresholds.moveDrifted());
                if (moved != DriftReport.Level.STABLE) {
                    level = level.worst(moved);
                    reasons.add(new Reason(moved, move, segmentName.apply(s) + ": its customers sit " + figure(move)
                            + " of its spread away from where its members sat at training"));
                }
            }
            verdict = verdict.worst(level);
            segments.add(new DriftReport.SegmentDrift(s, level, referenceShares[s], shares[s], referenceOutliers,
                    outlierShare, move));
        }
        if (noise && shareLevel != DriftReport.Level.STABLE && Math.abs(shares[k] - referenceShares[k]) >= 0.02) {
            reasons.add(new Reason(shareLevel, sharePsi, "Noise (customers in no segment) went from "
                    + percent(referenceShares[k]) + " to " + percent(shares[k])));
            verdict = verdict.worst(shareLevel);
        }
        reasons.sort(Comparator.comparing(Reason::level).reversed().thenComparing(Comparator.comparingDouble(
                Reason::strength).reversed()));
        return new DriftReport(version, rows, verdict, reasons.stream().map(Reason::text).toList(), fields, segments,
                sharePsi, chiSquare, pValue);
    }

    private DriftReport.FieldDrift field(int j, DriftThresholds thresholds, SignificanceTests tests,
                                         List<Reason> reasons) {
        FieldReference field = reference.fields().get(j);
        double currentMissing = (double) missing[j] / rows;
        double missingRise = currentMissing - field.missingRate();
        DriftReport.Level level = level(missingRise, thresholds.missingWatch(), thresholds.missingDrifted());
        if (level != DriftReport.Level.STABLE) {
            reasons.add(new Reason(level, missingRise, field.name() + ": missing in " + percent(currentMissing)
                    + " of rows, against " + percent(field.missingRate()) + " at training"));
        }
        long presentCount = Arrays.stream(binCounts[j]).sum();
        if (presentCount == 0 || binCounts[j].length == 0) {
            return new DriftReport.FieldDrift(field.name(), field.category(), level, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, field.missingRate(), currentMissing, Double.NaN, Double.NaN, List.of(), new double[0],
                    new double[0]);
        }
        double[] currentShares = DriftStatistics.shares(binCounts[j]);
        double psi = DriftStatistics.psi(field.shares(), currentShares);
        List<String> bins = binNames(field);
        DriftReport.Level psiLevel = level(psi, thresholds.psiWatch(), thresholds.psiDrifted());
        if (field.category()) {
            double chiSquare = DriftStatistics.chiSquare(binCounts[j], field.shares());
            double pValue = field.bins() > 1 ? tests.chiSquarePValue(chiSquare, field.bins() - 1) : 1.0;
            if (psiLevel != DriftReport.Level.STABLE) {
                reasons.add(new Reason(psiLevel, psi, field.name() + ": PSI " + figure(psi) + " (" + psiLevel.word()
                        + "), levels " + mostChanged(field, binCounts[j])));
            }
            return new DriftReport.FieldDrift(field.name(), true, level.worst(psiLevel), psi, Double.NaN, Double.NaN,
                    pValue, field.missingRate(), currentMissing, Double.NaN, Double.NaN, bins, field.shares(),
                    currentShares);
        }
        double[] sample = Arrays.copyOf(samples[j], sampled[j]);
        Arrays.sort(sample);
        if (sample.length == 0 || field.quantiles().length == 0) {
            if (psiLevel != DriftReport.Level.STABLE) {
                reasons.add(new Reason(psiLevel, psi, field.name() + ": PSI " + figure(psi) + " (" + psiLevel.word()
                        + ")"));
            }
            return new DriftReport.FieldDrift(field.name(), false, level.worst(psiLevel), psi, Double.NaN, Double.NaN,
                    Double.NaN, field.missingRate(), currentMissing, field.median(), Double.NaN, bins, field.shares(),
                    currentShares);
        }
        double wasserstein = DriftStatistics.wasserstein(field.quantiles(), sample);
        double scaled = field.spread() > 0 ? wasserstein / field.spread() : (wasserstein == 0 ? 0 : Double.POSITIVE_INFINITY);
        double ks = DriftStatistics.ks(field.quantiles(), sample);
        double pValue = tests.ksPValue(ks, field.quantiles().length, sample.length);
        double referenceMedian = field.median();
        double currentMedian = Quantiles.ofSorted(sample, 0.5);
        if (psiLevel != DriftReport.Level.STABLE) {
            reasons.add(new Reason(psiLevel, psi, field.name() + ": PSI " + figure(psi) + " (" + psiLevel.word()
                    + "), median " + figure(currentMedian) + " vs " + figure(referenceMedian) + " at training"));
        }
        return new DriftReport.FieldDrift(field.name(), false, level.worst(psiLevel), psi, scaled, ks, pValue,
                field.missingRate(), currentMissing, referenceMedian, currentMedian, bins, field.shares(), currentShares);
    }

    /** Distance of segment s's batch members' mean from its training mean, in training spreads; NaN if unmeasured. */
    private double move(int s) {
        int width = reference.spaceWidth();
        double spread = width == 0 ? 0 : reference.segmentSpreads()[s];
        if (width == 0 || members[s] < 20 || !(spread > 0)) {
            return Double.NaN;
        }
        double squared = 0;
        for (int f = 0; f < width; f++) {
            double gap = memberSums[s * width + f] / members[s] - reference.segmentCentres()[s * width + f];
            squared += gap * gap;
        }
        return Math.sqrt(squared) / spread;
    }

    /** The PSI bins in words: the levels of a category; "up to a", "a to b", ..., "over z" for the deciles. */
    private static List<String> binNames(FieldReference field) {
        if (field.category()) {
            return field.levels();
        }
        double[] edges = field.edges();
        if (edges.length == 0) {
            return List.of("all values");
        }
        List<String> names = new ArrayList<>(edges.length + 1);
        for (int b = 0; b <= edges.length; b++) {
            names.add(b == 0 ? "up to " + figure(edges[0]) : b == edges.length ? "over " + figure(edges[b - 1])
                    : figure(edges[b - 1]) + " to " + figure(edges[b]));
        }
        return names;
    }

    private static String mostChanged(FieldReference field, long[] counts) {
        double[] now = DriftStatistics.shares(counts);
        Integer[] order = new Integer[now.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -Math.abs(now[i] - field.shares()[i])));
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < Math.min(2, order.length); t++) {
            int i = order[t];
            parts.add("'" + field.levels().get(i) + "' " + percent(now[i]) + " vs " + percent(field.shares()[i]));
        }
        return String.join(", ", parts);
    }

    private static DriftReport.Level level(double value, double watch, double drifted) {
        return value >= drifted ? DriftReport.Level.DRIFTED
                : value >= watch ? DriftReport.Level.WATCH : DriftReport.Level.STABLE;
    }

    private static String percent(double share) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(100 * share) + "%";
    }

    private static String figure(double value) {
        DecimalFormat format = Math.abs(value) >= 100
                ? new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                : new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    private record Reason(DriftReport.Level level, double strength, String text) {
    }
}
