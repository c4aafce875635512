package com.segments.domain.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Assigns a vector the training label of the nearest stored training row: the rule for algorithms that have no
 * centres (hierarchical linkages), so that single linkage keeps its chains and Ward its shapes instead of becoming
 * nearest-centroid. A stored row scores to its own label; a noise exemplar ({@link Assignment#NOISE}) passes its
 * noise on.
 *
 * <p>The stored rows (exemplars) are every training row up to a cap, else a stratified sample that keeps every
 * segment ({@link #fromTraining}). A {@link KdTree} over them is built when the rule is made or read, never stored.
 *
 * <p>What an {@link Assignment} means here: {@code distance} is the Euclidean distance to the nearest exemplar (0 for a
 * stored row); {@code confidence} is the nearest exemplar's own confidence, computed when the rule is made: the
 * share of its {@value #VOTERS} nearest exemplars (itself included) that carry its segment, so 1 deep inside a
 * segment and lower on a border (0 for noise); {@code outlier} says the row
 * is farther from its nearest exemplar than 99% of the segment's exemplars are from their nearest fellow member
 * ({@code outlierRadius}).
 *
 * @param segmentCount     number of segments
 * @param dimensions       length of each exemplar
 * @param exemplars        m × dimensions, row-major
 * @param exemplarSegments training label of each exemplar, {@code 0..segmentCount-1} or {@link Assignment#NOISE}
 * @param outlierRadius    per segment, the distance to the nearest exemplar beyond which a row is an outlier
 * @param exemplarConfidence per exemplar, the confidence a row takes when that exemplar is its nearest, in [0, 1]
 */
public final class NearestNeighbourRule implements AssignmentRule {

    /** Exemplars kept by default: enough for every row of the data the O(n²) linkages fit on without sampling. */
    public static final int DEFAULT_CAP = 20_000;

    private static final int BLOCK_ROWS = 1024;

    /**
     * Nearest exemplars whose labels make an exemplar's confidence: enough to be a share. Computed once when the rule
     * is made, so a prediction is one nearest-neighbour query (a 10-neighbour query per prediction cost 5 times more).
     */
    static final int VOTERS = 10;

    private final int segmentCount;
    private final int dimensions;
    private final double[] exemplars;
    private final int[] exemplarSegments;
    private final double[] outlierRadius;
    private final double[] exemplarConfidence;
    private final KdTree tree;

    public NearestNeighbourRule(int segmentCount, int dimensions, double[] exemplars, int[] exemplarSegments,
                                double[] outlierRadius, double[] exemplarConfidence) {
        if (segmentCount < 1 || dimensions < 1) {
            throw new IllegalArgumentException("need segments >= 1 and dimensions >= 1, got " + segmentCount + ", " + dimensions);
        }
        int m = exemplarSegments.length;
        if (exemplars.length != (long) m * dimensions) {
            throw new IllegalArgumentException("expected " + (long) m * dimensions + " exemplar values for " + m
                    + " exemplars of " + dimensions + " dimensions, got " + exemplars.length);
        }
        if (outlierRadius.length != segmentCount) {
            throw new IllegalArgumentException("expected " + segmentCount + " outlier radii, got " + outlierRadius.length);
        }
        if (exemplarConfidence.length != m) {
            throw new IllegalArgumentException("expected " + m + " exemplar confidences, got " + exemplarConfidence.length);
        }
        for (double c : exemplarConfidence) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("exemplar confidences must lie in [0, 1], got " + c);
            }
        }
        boolean[] represented = new boolean[segmentCount];
        for (int segment : exemplarSegments) {
            if (segment < Assignment.NOISE || segment >= segmentCount) {
                throw new IllegalArgumentException("exemplar segment " + segment + " outside -1.." + (segmentCount - 1));
            }
            if (segment != Assignment.NOISE) {
                represented[segment] = true;
            }
        }
        for (int c = 0; c < segmentCount; c++) {
            if (!represented[c]) {
                throw new IllegalArgumentException("segment " + c + " has no exemplar");
            }
        }
        for (double v : exemplars) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("exemplars must be finite");
            }
        }
        this.segmentCount = segmentCount;
        this.dimensions = dimensions;
        this.exemplars = exemplars.clone();
        this.exemplarSegments = exemplarSegments.clone();
        this.outlierRadius = outlierRadius.clone();
        this.exemplarConfidence = exemplarConfidence.clone();
        this.tree = new KdTree(this.exemplars, dimensions);
    }

    /**
     * The rule for a fit's training rows and labels: every row when there are at most {@code cap}, else a seeded
     * sample stratified by label (each label, noise included, keeps its share of the cap and at least one row).
     * Outlier radii come from the exemplars: per segment, the 99th percentile of each exemplar's distance to the
     * nearest other exemplar of its segment (a segment of one exemplar takes the percentile over all segments).
     */
    public static NearestNeighbourRule fromTraining(int segmentCount, int dimensions, double[] rows, int[] labels,
                                                    int cap, long seed) {
        if (cap < 1) {
            throw new IllegalArgumentException("the exemplar cap must be >= 1, got " + cap);
        }
        int n = labels.length;
        if (rows.length != (long) n * dimensions) {
            throw new IllegalArgumentException(rows.length + " values are not " + n + " rows of " + dimensions);
        }
        int[] kept = n <= cap ? IntStream.range(0, n).toArray() : stratifiedSample(segmentCount, labels, cap, seed);
        double[] exemplars = new double[kept.length * dimensions];
        int[] segments = new int[kept.length];
        for (int e = 0; e < kept.length; e++) {
            System.arraycopy(rows, kept[e] * dimensions, exemplars, e * dimensions, dimensions);
            segments[e] = labels[kept[e]];
        }
        return new NearestNeighbourRule(segmentCount, dimensions, exemplars, segments,
                outlierRadii(segmentCount, dimensions, exemplars, segments), confidences(dimensions, exemplars, segments));
    }

    private static int[] stratifiedSample(int segmentCount, int[] labels, int cap, long seed) {
        int n = labels.length;
        int[][] members = new int[segmentCount + 1][];
        int[] counts = new int[segmentCount + 1];
        for (int label : labels) {
            counts[label + 1]++;
        }
        for (int s = 0; s <= segmentCount; s++) {
            members[s] = new int[counts[s]];
        }
        int[] filled = new int[segmentCount + 1];
        for (int i = 0; i < n; i++) {
            members[labels[i] + 1][filled[labels[i] + 1]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[0];
        int total = 0;
        for (int s = 0; s <= segmentCount; s++) {
            if (counts[s] == 0) {
                continue;
            }
            int quota = (int) Math.max(1, Math.min(counts[s], (long) cap * counts[s] / n));
            int[] pool = members[s];
            for (int i = 0; i < quota; i++) {
                int swap = i + random.nextInt(pool.length - i);
                int t = pool[i];
                pool[i] = pool[swap];
                pool[swap] = t;
            }
            chosen = Arrays.copyOf(chosen, total + quota);
            System.arraycopy(pool, 0, chosen, total, quota);
            total += quota;
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private static double[] outlierRadii(int segmentCount, int dimensions, double[] exemplars, int[] segments) {
        int m = segments.length;
        double[] radius = new double[segmentCount];
        double[][] nearestFellow = new double[segmentCount][];
        IntStream.range(0, segmentCount).parallel().forEach(c -> {
            int[] members = IntStream.range(0, m).filter(e -> segments[e] == c).toArray();
            double[] points = new double[members.length * dimensions];
            for (int i = 0; i < members.length; i++) {
                System.arraycopy(exemplars, members[i] * dimensions, points, i * dimensions, dimensions);
            }
            KdTree tree = new KdTree(points, dimensions);
            double[] distances = new double[members.length < 2 ? 0 : members.length];
            int[] two = new int[2];
            double[] squared = new double[2];
            for (int i = 0; i < distances.length; i++) {
                tree.nearest(points, i * dimensions, 2, null, 0, two, squared);
                distances[i] = Math.sqrt(squared[two[0] == i ? 1 : 0]);
            }
            nearestFellow[c] = distances;
        });
        double overall = percentile99(Arrays.stream(nearestFellow).flatMapToDouble(Arrays::stream).toArray());
        for (int c = 0; c < segmentCount; c++) {
            radius[c] = nearestFellow[c].length == 0 ? overall : percentile99(nearestFellow[c]);
        }
        return radius;
    }

    /** Per exemplar, the share of its {@value #VOTERS} nearest exemplars (itself included) sharing its label. */
    private static double[] confidences(int dimensions, double[] exemplars, int[] segments) {
        int m = segments.length;
        KdTree tree = new KdTree(exemplars, dimensions);
        int votes = Math.min(VOTERS, m);
        double[] confidence = new double[m];
        IntStream.range(0, (m + BLOCK_ROWS - 1) / BLOCK_ROWS).parallel().forEach(b -> {
            int[] neighbours = new int[votes];
            double[] distances = new double[votes];
            for (int e = b * BLOCK_ROWS, end = Math.min(m, e + BLOCK_ROWS); e < end; e++) {
                if (segments[e] == Assignment.NOISE) {
                    continue;
                }
                int found = tree.nearest(exemplars, e * dimensions, votes, null, 0, neighbours, distances);
                int same = 0;
                for (int i = 0; i < found; i++) {
                    if (segments[neighbours[i]] == segments[e]) {
                        same++;
                    }
                }
                confidence[e] = (double) same / found;
            }
        });
        return confidence;
    }

    private static double percentile99(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[(int) Math.min(values.length - 1, Math.ceil(0.99 * values.length) - 1)];
    }

    @Override
    public int segmentCount() {
        return segmentCount;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    /** Number of stored training rows. */
    public int exemplarCount() {
        return exemplarSegments.length;
    }

    @Override
    public Assignment assign(double[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected a vector of " + dimensions + " values, got " + vector.length);
        }
        Assignments out = new Assignments(1);
        assignRow(vector, 0, out, 0, new int[1], new double[1]);
        return out.get(0);
    }

    private void assignRow(double[] rows, int offset, Assignments out, int at, int[] neighbour, double[] distance) {
        tree.nearest(rows, offset, 1, null, 0, neighbour, distance);
        int nearest = neighbour[0];
        int segment = exemplarSegments[nearest];
        double d = Math.sqrt(distance[0]);
        if (segment == Assignment.NOISE) {
            out.set(at, Assignment.NOISE, d, 0.0, true);
            return;
        }
        out.set(at, segment, d, exemplarConfidence[nearest], d > outlierRadius[segment]);
    }

    /** Every row scored, blocks of rows in parallel on the common pool (each row's answer depends on it alone). */
    @Override
    public Assignments assignAll(double[] rows) {
        int n = rows.length / dimensions;
        Assignments out = new Assignments(n);
        IntStream.range(0, (n + BLOCK_ROWS - 1) / BLOCK_ROWS).parallel().forEach(b -> {
            int[] neighbour = new int[1];
            double[] distance = new double[1];
            for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                assignRow(rows, i * dimensions, out, i, neighbour, distance);
            }
        });
        return out;
    }

    @Override
    public int[] labelAll(double[] rows) {
        int n = rows.length / dimensions;
        int[] labels = new int[n];
        IntStream.range(0, (n + BLOCK_ROWS - 1) / BLOCK_ROWS).parallel().forEach(b -> {
            for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                labels[i] = exemplarSegments[tree.nearest(rows, i * dimensions)];
            }
        });
        return labels;
    }

    @Override
    public NearestNeighbourRule relabel(int[] newIdOf) {
        int[] segments = AssignmentRule.relabel(exemplarSegments, newIdOf);
        double[] radius = new double[segmentCount];
        for (int c = 0; c < segmentCount; c++) {
            radius[newIdOf[c]] = outlierRadius[c];
        }
        return new NearestNeighbourRule(segmentCount, dimensions, exemplars, segments, radius, exemplarConfidence);
    }

    public double[] exemplars() {
        return exemplars.clone();
    }

    public int[] exemplarSegments() {
        return exemplarSegments.clone();
    }

    public double[] outlierRadius() {
        return outlierRadius.clone();
    }

    public double[] exemplarConfidence() {
        return exemplarConfidence.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearestNeighbourRule other && segmentCount == other.segmentCount
                && dimensions == other.dimensions && Arrays.equals(exemplars, other.exemplars)
                && Arrays.equals(exemplarSegments, other.exemplarSegments)
                && Arrays.equals(outlierRadius, other.outlierRadius)
                && Arrays.equals(exemplarConfidence, other.exemplarConfidence);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(exemplars) + Arrays.hashCode(exemplarSegments)) + Arrays.hashCode(outlierRadius);
    }

    @Override
    public String toString() {
        return "NearestNeighbourRule[segments=" + segmentCount + ", dimensions=" + dimensions + ", exemplars="
                + exemplarSegments.length + "]";
    }
}
