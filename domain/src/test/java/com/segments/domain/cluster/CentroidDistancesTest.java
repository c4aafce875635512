package com.segments.domain.cluster;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CentroidDistancesTest {

    /**
     * The many-rows kernel (the installed one, the scalar reference here) answers what the one-row kernel answers, to
     * the last bit, for a range of rows and for rows named by number: every width from 1 to 21, k from 1 to 9, rows
     * equal to a centre and rows exactly between two (ties go to the lower id in both).
     */
    @Test
    void manyRowsAtOnceEqualOneRowAtATimeBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int d = 1; d <= 21; d++) {
            for (int k = 1; k <= 9; k += 2) {
                int n = 401;
                double[] rows = new double[n * d];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4));
                }
                double[] centres = new double[k * d];
                for (int i = 0; i < centres.length; i++) {
                    centres[i] = random.nextGaussian();
                }
                // a row on centre 0, and a row on the midpoint of centres 0 and 1 with the two centres mirrored
                System.arraycopy(centres, 0, rows, 5 * d, d);
                if (k > 1) {
                    for (int f = 0; f < d; f++) {
                        centres[d + f] = -centres[f];
                        rows[6 * d + f] = 0.0;
                    }
                }
                int from = 3;
                int to = n - 2;
                int[] best = new int[to - from];
                double[] bestSquared = new double[to - from];
                double[] secondSquared = new double[to - from];
                CentroidDistances.nearestTwoMany(rows, from, to, centres, k, d, best, bestSquared, secondSquared);
                int[] ids = new int[to - from];
                int[] bestOf = new int[ids.length];
                double[] bestOfSquared = new double[ids.length];
                double[] secondOfSquared = new double[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = to - 1 - i;
                }
                CentroidKernel.SCALAR.nearestTwoOf(rows, ids, ids.length, centres, k, d, bestOf, bestOfSquared,
                        secondOfSquared);
                double[] two = new double[2];
                for (int i = from; i < to; i++) {
                    int of = to - 1 - i;
                    assertEquals(best[i - from], bestOf[of]);
                    assertEquals(Double.doubleToRawLongBits(bestSquared[i - from]),
                            Double.doubleToRawLongBits(bestOfSquared[of]));
                    assertEquals(Double.doubleToRawLongBits(secondSquared[i - from]),
                            Double.doubleToRawLongBits(secondOfSquared[of]));
                    int expected = CentroidDistances.nearestTwo(rows, i * d, centres, k, d, two, 0);
                    String where = "d=" + d + " k=" + k + " row " + i;
                    assertEquals(expected, best[i - from], where);
                    assertEquals(Double.doubleToRawLongBits(two[0]), Double.doubleToRawLongBits(bestSquared[i - from]),
                            where);
                    assertEquals(Double.doubleToRawLongBits(two[1]),
                            Double.doubleToRawLongBits(secondSquared[i - from]), where);
                }
                if (k > 1) {
                    assertNotEquals(1, best[6 - from], "a tie between 0 and 1 goes to 0, d=" + d);
                }
                assertEquals(0.0, bestSquared[5 - from], "a row on a centre is at distance 0, d=" + d);
            }
        }
    }
}
