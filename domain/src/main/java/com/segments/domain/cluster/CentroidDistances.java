package com.segments.domain.cluster;

/**
 * The distance code every nearest-centre decision runs: scoring one customer, scoring many rows block-wise and the
 * k-means plugin's assignment step. One function for all of them is what makes a model's training labels and its
 * predictions agree to the last bit, ties included (a tie goes to the lower id everywhere).
 *
 * <p>Rows and centres are slices of flat row-major arrays, so the loops stay on primitive memory.
 */
public final class CentroidDistances {

    private CentroidDistances() {
    }

    /** Squared Euclidean distance between {@code a[aOffset ..]} and {@code b[bOffset ..]} over {@code length} values. */
    public static double squared(double[] a, int aOffset, double[] b, int bOffset, int length) {
        // Four partial sums: the additions of one distance overlap instead of each waiting for the previous one.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            double d0 = a[aOffset + j] - b[bOffset + j];
            double d1 = a[aOffset + j + 1] - b[bOffset + j + 1];
            double d2 = a[aOffset + j + 2] - b[bOffset + j + 2];
            double d3 = a[aOffset + j + 3] - b[bOffset + j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < length; j++) {
            double d0 = a[aOffset + j] - b[bOffset + j];
            s0 += d0 * d0;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The nearest of {@code k} centres (row-major, {@code d} wide) to the row at {@code offset}; ties to the lower id. */
    public static int nearest(double[] rows, int offset, double[] centres, int k, int d) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double distance = squared(rows, offset, centres, c * d, d);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /**
     * The nearest centre to the row at {@code offset} (ties to the lower id), with the squared distances to it and to
     * the second nearest written to {@code out[outOffset]} and {@code out[outOffset + 1]} (infinity when k = 1).
     */
    public static int nearestTwo(double[] rows, int offset, double[] centres, int k, int d, double[] out, int outOffset) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double distance = squared(rows, offset, centres, c * d, d);
            if (distance < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = c;
            } else if (distance < secondDistance) {
                secondDistance = distance;
            }
        }
        out[outOffset] = bestDistance;
        out[outOffset + 1] = secondDistance;
        return best;
    }

    /** The many-rows kernel in use; {@link CentroidKernel#SCALAR} until the composition root installs a faster one. */
    private static volatile CentroidKernel kernel = CentroidKernel.SCALAR;

    /**
     * Installs the kernel {@link #nearestTwoMany} runs (batch scoring, {@code score}, the CSV upload). Any kernel gives
     * the same answers to the last bit ({@link CentroidKernel}'s contract), so this changes speed only.
     */
    public static void useKernel(CentroidKernel faster) {
        if (faster == null) {
            throw new IllegalArgumentException("the centroid kernel must not be null; pass CentroidKernel.SCALAR");
        }
        kernel = faster;
    }

    /** The kernel {@link #nearestTwoMany} runs. */
    public static CentroidKernel kernel() {
        return kernel;
    }

    /**
     * {@link #nearestTwo} for rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) of a flat row-major array:
     * row {@code fromRow + i} gets {@code best[i]}, {@code bestSquared[i]} and {@code secondSquared[i]}, equal to the
     * last bit to what {@code nearestTwo} answers for that row alone, on the installed {@link #kernel()}.
     */
    public static void nearestTwoMany(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                                      int[] best, double[] bestSquared, double[] secondSquared) {
        kernel.nearestTwo(rows, fromRow, toRow, centres, k, d, best, bestSquared, secondSquared);
    }

    /**
     * Confidence of an assignment from the squared distances to the nearest and second-nearest centre: 0 when both are
     * as near, towards 1 when the nearest is much nearer; 1 when there is no second centre.
     */
    public static double confidence(double bestSquared, double secondSquared) {
        if (secondSquared == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double second = Math.sqrt(secondSquared);
        return second == 0 ? 0.0 : 1.0 - Math.sqrt(bestSquared) / second;
    }
}
