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
 * <p>The stored rows (exemplars) are the condensed set ({@link CondensedExemplars}) of the training rows: every
 * training row up to a cap, else a stratified sample that keeps every segment ({@link #fromTraining}). Condensing
 * keeps only the rows needed so that each training row's nearest exemplar carries its label (mostly rows along the
 * borders between segments), so a prediction searches a fraction of the rows ({@link PrincipalAxesTree}, built when the
 * rule is made or read, never stored) and every training row still scores to its label.
 *
 * <p>What an {@link Assignment} means here: {@code distance} is the Euclidean distance to the nearest exemplar (0 for a
 * stored row; a training row that was condensed away has the distance to the exemplar that answers for it);
 * {@code confidence} is the nearest exemplar's stored confidence: the mean, over the training rows it answers for
 * (those whose nearest exemplar it is), of each one's share of its {@value #VOTERS} nearest training rows (itself
 * included) that carry its segment, so 1 deep inside a segment and lower on a border (0 for noise); {@code outlier}
 * says the row is farther from its nearest exemplar than 99% of the segment's training rows are from theirs
 * ({@code outlierRadius}, never below the spacing of the segment's rows: see {@link #fromTraining}), so about 1% of
 * the training rows are outliers, as with the nearest-centroid rule; always true for noise.
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
    private final PrincipalAxesTree index;

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
        this.index = new PrincipalAxesTree(this.exemplars, dimensions);
    }

    /**
     * The rule for a fit's training rows and labels. The training rows are every row when there are at most
     * {@code cap}, else a seeded sample stratified by label (each label, noise included, keeps its share of the cap
     * and at least one row); the exemplars are their condensed set ({@link CondensedExemplars}), so that every
     * training row still scores to its label. What the stored per-exemplar confidence and per-segment radius mean is
     * said in the class comment; both are measured on the training rows, not only the exemplars.
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
        int[] training = n <= cap ? IntStream.range(0, n).toArray() : stratifiedSample(segmentCount, labels, cap, seed);
        double[] trainingRows = selectRows(rows, dimensions, training);
        int[] trainingLabels = Arrays.stream(training).map(i -> labels[i]).toArray();
        int[] kept = CondensedExemplars.condense(trainingRows, dimensions, trainingLabels);
        double[] exemplars = selectRows(trainingRows, dimensions, kept);
        int[] segments = Arrays.stream(kept).map(i -> trainingLabels[i]).toArray();
        Coverage coverage = Coverage.of(dimensions, trainingRows, exemplars);
        double[] rowConfidence = confidences(dimensions, trainingRows, trainingLabels);
        double[] spacing = outlierRadii(segmentCount, dimensions, trainingRows, trainingLabels);
        return new NearestNeighbourRule(segmentCount, dimensions, exemplars, segments,
                coverage.radii(segmentCount, trainingLabels, spacing),
                coverage.meanPerExemplar(rowConfidence, segments.length));
    }

    private static double[] selectRows(double[] rows, int dimensions, int[] indices) {
        double[] out = new double[indices.length * dimensions];
        for (int e = 0; e < indices.length; e++) {
            System.arraycopy(rows, indices[e] * dimensions, out, e * dimensions, dimensions);
        }
        return out;
    }

    /** Every training row's nearest exemplar and its distance: what the stored radii and confidences summarise. */
    private record Coverage(int[] nearest, double[] distance) {

        static Coverage of(int dimensions, double[] trainingRows, double[] exemplars) {
            int n = trainingRows.length / dimensions;
            KdTree tree = new KdTree(exemplars, dimensions);
            int[] nearest = new int[n];
            double[] distance = new double[n];
            IntStream.range(0, (n + BLOCK_ROWS - 1) / BLOCK_ROWS).parallel().forEach(b -> {
                int[] neighbour = new int[1];
                double[] squared = new double[1];
                for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                    tree.nearest(trainingRows, i * dimensions, 1, null, 0, neighbour, squared);
                    nearest[i] = neighbour[0];
                    distance[i] = Math.sqrt(squared[0]);
                }
            });
            return new Coverage(nearest, distance);
        }

        /**
         * Per segment, the larger of the spacing radius (99th percentile of the distance from each training row to
         * its nearest fellow member) and the 99th percentile of its training rows' distances to their nearest
         * exemplar: a new row is an outlier when it lies farther from the exemplars than 99% of the segment's
         * training rows do, and never merely because the segment was condensed to few exemplars or none was dropped.
         */
        double[] radii(int segmentCount, int[] labels, double[] spacing) {
            double[] radius = spacing.clone();
            for (int c = 0; c < segmentCount; c++) {
                int segment = c;
                double[] own = IntStream.range(0, labels.length).filter(i -> labels[i] == segment)
                        .mapToDouble(i -> distance[i]).toArray();
                radius[c] = Math.max(radius[c], percentile99(own));
            }
            return radius;
        }

        /** Per exemplar, the mean of {@code values} over the training rows whose nearest exemplar it is. */
        double[] meanPerExemplar(double[] values, int exemplarCount) {
            double[] sum = new double[exemplarCount];
            int[] count = new int[exemplarCount];
            for (int i = 0; i < nearest.length; i++) {
                sum[nearest[i]] += values[i];
                count[nearest[i]]++;
            }
            for (int e = 0; e < exemplarCount; e++) {
                sum[e] = count[e] == 0 ? 0 : Math.min(1, sum[e] / count[e]);
            }
            return sum;
        }
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
        index.nearest(rows, offset, neighbour, distance);
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
            int[] neighbour = new int[1];
            double[] distance = new double[1];
            for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                index.nearest(rows, i * dimensions, neighbour, distance);
                labels[i] = exemplarSegments[neighbour[0]];
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
