package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidKernel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vector kernel answers exactly what the scalar reference answers: the same nearest centre, and the same bits
 * of both squared distances, on random data with planted exact ties (rows on the midpoint of two mirrored centres,
 * duplicated centres, rows on a centre) and near-ties (those rows moved by one ulp in one value), at every width from
 * 1 to 21, k from 1 to 12, ranges and row lists of every length modulo the vector's lanes, and rows holding NaN or
 * infinity.
 */
class VectorCentroidKernelTest {

    private final CentroidKernel vector = new VectorCentroidKernel();

    @Test
    void theSurefireJvmRunsTheVectorKernel() {
        // Guards the build: without --add-modules jdk.incubator.vector the fit silently falls back to the reference.
        assertTrue(FastestCentroidKernel.chosen().toString().startsWith("vector-"), FastestCentroidKernel.chosen()::toString);
    }

    @Test
    void labelsAndDistancesEqualTheScalarReferenceBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int seed = 0; seed < 4; seed++) {
            for (int d = 1; d <= 21; d++) {
                for (int k = 1; k <= 12; k++) {
                    double[] centres = centres(random, k, d);
                    double[] rows = rowsWithTies(random, 67 + random.nextInt(40), centres, k, d);
                    compareRange(rows, centres, k, d, random);
                    compareList(rows, centres, k, d, random);
                    compareOwn(rows, centres, k, d, random);
                }
            }
        }
    }

    private static double[] centres(SplittableRandom random, int k, int d) {
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-2, 3));
        }
        if (k > 1) { // centre 1 mirrors centre 0 through the origin: the origin is an exact tie between them
            for (int f = 0; f < d; f++) {
                centres[d + f] = -centres[f];
            }
        }
        if (k > 3) { // centre 3 repeats centre 2: every row ties between them
            System.arraycopy(centres, 2 * d, centres, 3 * d, d);
        }
        return centres;
    }

    /** Random rows, then planted ones: on the tie, one ulp off it either way, on a centre, and NaN or infinite. */
    private static double[] rowsWithTies(SplittableRandom random, int n, double[] centres, int k, int d) {
        double[] rows = new double[n * d];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4));
        }
        for (int i = 0; i < 12; i++) {
            int row = random.nextInt(n) * d;
            int f = random.nextInt(d);
            switch (i % 6) {
                case 0 -> Arrays.fill(rows, row, row + d, 0.0);
                case 1 -> {
                    Arrays.fill(rows, row, row + d, 0.0);
                    rows[row + f] = Math.nextUp(0.0);
                }
                case 2 -> {
                    Arrays.fill(rows, row, row + d, 0.0);
                    rows[row + f] = -Math.ulp(centres[f]);
                }
                case 3 -> System.arraycopy(centres, random.nextInt(k) * d, rows, row, d);
                case 4 -> {
                    System.arraycopy(centres, random.nextInt(k) * d, rows, row, d);
                    rows[row + f] = Math.nextUp(rows[row + f]);
                }
                default -> rows[row + f] = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            }
        }
        return rows;
    }

    private void compareRange(double[] rows, double[] centres, int k, int d, SplittableRandom random) {
        int n = rows.length / d;
        int from = random.nextInt(9);
        int to = n - random.nextInt(9);
        Answers expected = new Answers(to - from);
        Answers actual = new Answers(to - from);
        CentroidKernel.SCALAR.nearestTwo(rows, from, to, centres, k, d, expected.best, expected.first, expected.second);
        vector.nearestTwo(rows, from, to, centres, k, d, actual.best, actual.first, actual.second);
        expected.assertSame(actual, "range d=" + d + " k=" + k);
    }

    private void compareList(double[] rows, double[] centres, int k, int d, SplittableRandom random) {
        int n = rows.length / d;
        int count = random.nextInt(n);
        int[] ids = new int[n];
        for (int i = 0; i < count; i++) {
            ids[i] = random.nextInt(n);
        }
        Answers expected = new Answers(n);
        Answers actual = new Answers(n);
        CentroidKernel.SCALAR.nearestTwoOf(rows, ids, count, centres, k, d, expected.best, expected.first,
                expected.second);
        vector.nearestTwoOf(rows, ids, count, centres, k, d, actual.best, actual.first, actual.second);
        expected.assertSame(actual, "list d=" + d + " k=" + k);
    }

    /** Each listed row against a random centre of its own, as the k-means bounds ask, then all against one centre. */
    private void compareOwn(double[] rows, double[] centres, int k, int d, SplittableRandom random) {
        int n = rows.length / d;
        int[] labels = random.ints(n, 0, k).toArray();
        int count = random.nextInt(n);
        int[] ids = random.ints(count, 0, n).toArray();
        double[] expected = new double[count];
        double[] actual = new double[count];
        CentroidKernel.SCALAR.squaredToOwn(rows, ids, count, centres, labels, d, expected);
        vector.squaredToOwn(rows, ids, count, centres, labels, d, actual);
        for (int r = 0; r < count; r++) {
            assertEquals(Double.doubleToRawLongBits(expected[r]), Double.doubleToRawLongBits(actual[r]),
                    "own d=" + d + " k=" + k + " row " + ids[r]);
        }
        int centre = random.nextInt(k);
        CentroidKernel.SCALAR.squaredTo(rows, ids, count, centres, centre * d, d, expected);
        vector.squaredTo(rows, ids, count, centres, centre * d, d, actual);
        for (int r = 0; r < count; r++) {
            assertEquals(Double.doubleToRawLongBits(expected[r]), Double.doubleToRawLongBits(actual[r]),
                    "to centre " + centre + " d=" + d + " k=" + k + " row " + ids[r]);
        }
    }

    private record Answers(int[] best, double[] first, double[] second) {

        Answers(int n) {
            this(new int[n], new double[n], new double[n]);
        }

        void assertSame(Answers actual, String where) {
            for (int i = 0; i < best.length; i++) {
                assertEquals(best[i], actual.best[i], where + " row " + i + ": nearest centre");
                assertEquals(Double.doubleToRawLongBits(first[i]), Double.doubleToRawLongBits(actual.first[i]),
                        where + " row " + i + ": squared distance to the nearest");
                assertEquals(Double.doubleToRawLongBits(second[i]), Double.doubleToRawLongBits(actual.second[i]),
                        where + " row " + i + ": squared distance to the second");
            }
        }
    }
}
