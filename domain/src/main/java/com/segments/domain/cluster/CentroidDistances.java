package com.segments.domain.cluster;

import java.util.Arrays;

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

    /** Rows the many-row kernel turns into columns at a time: a tile and its sums stay in the first-level cache. */
    static final int TILE_ROWS = 128;

    /**
     * {@link #nearestTwo} for rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) of a flat row-major array:
     * row {@code fromRow + i} gets {@code best[i]}, {@code bestSquared[i]} and {@code secondSquared[i]}, equal to the
     * last bit to what {@code nearestTwo} answers for that row alone.
     *
     * <p>Rows are copied a tile at a time into columns, and the distances of a whole tile to one centre are summed
     * feature by feature: the innermost loop then runs over rows, with no sum carried from one step to the next, which
     * the JIT compiles to vector instructions. Each row's four partial sums are the ones {@link #squared} keeps, added
     * in the same order, so a customer scored alone and in a file get the same segment, ties included.
     */
    public static void nearestTwoMany(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                                      int[] best, double[] bestSquared, double[] secondSquared) {
        int tile = TILE_ROWS;
        double[][] columns = new double[d][tile];
        double[] s0 = new double[tile];
        double[] s1 = new double[tile];
        double[] s2 = new double[tile];
        double[] s3 = new double[tile];
        for (int start = fromRow; start < toRow; start += tile) {
            int m = Math.min(tile, toRow - start);
            for (int r = 0; r < m; r++) {
                int offset = (start + r) * d;
                for (int f = 0; f < d; f++) {
                    columns[f][r] = rows[offset + f];
                }
            }
            int out = start - fromRow;
            Arrays.fill(best, out, out + m, 0);
            Arrays.fill(bestSquared, out, out + m, Double.POSITIVE_INFINITY);
            Arrays.fill(secondSquared, out, out + m, Double.POSITIVE_INFINITY);
            for (int c = 0; c < k; c++) {
                tileDistances(columns, m, centres, c * d, d, s0, s1, s2, s3);
                for (int r = 0; r < m; r++) {
                    double distance = (s0[r] + s1[r]) + (s2[r] + s3[r]);
                    int o = out + r;
                    if (distance < bestSquared[o]) {
                        secondSquared[o] = bestSquared[o];
                        bestSquared[o] = distance;
                        best[o] = c;
                    } else if (distance < secondSquared[o]) {
                        secondSquared[o] = distance;
                    }
                }
            }
        }
    }

    /** The four partial sums of {@link #squared} for the first {@code m} rows of a tile against one centre. */
    private static void tileDistances(double[][] columns, int m, double[] centres, int centre, int d,
                                      double[] s0, double[] s1, double[] s2, double[] s3) {
        Arrays.fill(s0, 0, m, 0.0);
        Arrays.fill(s1, 0, m, 0.0);
        Arrays.fill(s2, 0, m, 0.0);
        Arrays.fill(s3, 0, m, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            accumulateFour(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], m, centres, centre + j,
                    s0, s1, s2, s3);
        }
        for (; j < d; j++) {
            accumulate(columns[j], m, centres[centre + j], s0);
        }
    }

    private static void accumulateFour(double[] a, double[] b, double[] c, double[] e, int m, double[] centres,
                                       int at, double[] s0, double[] s1, double[] s2, double[] s3) {
        double ca = centres[at];
        double cb = centres[at + 1];
        double cc = centres[at + 2];
        double ce = centres[at + 3];
        for (int r = 0; r < m; r++) {
            double ta = a[r] - ca;
            double tb = b[r] - cb;
            double tc = c[r] - cc;
            double te = e[r] - ce;
            s0[r] += ta * ta;
            s1[r] += tb * tb;
            s2[r] += tc * tc;
            s3[r] += te * te;
        }
    }

    private static void accumulate(double[] column, int m, double centre, double[] sums) {
        for (int r = 0; r < m; r++) {
            double t = column[r] - centre;
            sums[r] += t * t;
        }
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
