package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.CentroidKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The many-rows distance kernel on the JDK Vector API: one vector lane per row. A tile of as many rows as a vector
 * has lanes (8 with AVX-512, 4 with AVX2) is turned into columns; then for each centre, each lane does exactly the
 * arithmetic {@link CentroidDistances#squared} does for its row (a difference, a product and a sum per value, never
 * fused; four partial sums over features 0, 4, 8, ... / 1, 5, 9, ... / ..., the tail into the first; added as
 * {@code (s0 + s1) + (s2 + s3)}), and the nearest two are kept with the same strict comparisons as
 * {@link CentroidDistances#nearestTwo}. Vector lanes round as scalar code does (IEEE 754, no fast-math), so every
 * distance, label and tie is the scalar reference's to the last bit; rows left over after the last full tile go
 * through the scalar code itself.
 *
 * <p>Chosen over the {@code ||x||² - 2 x·c + ||c||²} expansion as a blocked matrix product by measurement
 * (docs/kmeans.md): with rows in lanes the product is no cheaper here, since turning rows into columns costs as
 * much as the arithmetic saved at d = 16, and the expansion's rounding would need a second, exact pass over the
 * winning centres to keep the labels.
 */
final class VectorCentroidKernel implements CentroidKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Four lanes, one per partial sum of {@link CentroidDistances#squared}. */
    private static final VectorSpecies<Double> QUARTET = DoubleVector.SPECIES_256;
    private static final int QUARTET_LANES = 4;

    /** Below four lanes a vector does too little per instruction to pay for the tile; the scalar reference is used. */
    static boolean worthwhile() {
        return LANES >= 4;
    }

    @Override
    public void nearestTwo(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                           int[] best, double[] bestSquared, double[] secondSquared) {
        int n = toRow - fromRow;
        int full = n - n % LANES;
        Tile tile = new Tile(d);
        for (int start = 0; start < full; start += LANES) {
            tile.columnsOf(rows, fromRow + start, d);
            tile.nearestTwo(centres, k, d, best, bestSquared, secondSquared, start);
        }
        double[] two = new double[2];
        for (int i = full; i < n; i++) {
            best[i] = CentroidDistances.nearestTwo(rows, (fromRow + i) * d, centres, k, d, two, 0);
            bestSquared[i] = two[0];
            secondSquared[i] = two[1];
        }
    }

    @Override
    public void nearestTwoOf(double[] rows, int[] rowIds, int count, double[] centres, int k, int d,
                             int[] best, double[] bestSquared, double[] secondSquared) {
        int full = count - count % LANES;
        Tile tile = new Tile(d);
        for (int start = 0; start < full; start += LANES) {
            tile.columnsOf(rows, rowIds, start, d);
            tile.nearestTwo(centres, k, d, best, bestSquared, secondSquared, start);
        }
        double[] two = new double[2];
        for (int i = full; i < count; i++) {
            best[i] = CentroidDistances.nearestTwo(rows, rowIds[i] * d, centres, k, d, two, 0);
            bestSquared[i] = two[0];
            secondSquared[i] = two[1];
        }
    }

    /**
     * One row against one centre at a time, the four partial sums of {@link CentroidDistances#squared} held in the
     * four lanes of one 256-bit vector: lane j adds the squares of features j, j + 4, j + 8, ... in that order, as
     * partial sum s<sub>j</sub> does; the tail goes into s<sub>0</sub> and the lanes are added as
     * {@code (s0 + s1) + (s2 + s3)}. The same bits, without the scalar code's sixteen separate loads per operand.
     */
    @Override
    public void squaredToOwn(double[] rows, int[] rowIds, int count, double[] centres, int[] labels, int d,
                             double[] out) {
        double[] lanes = new double[QUARTET_LANES];
        for (int r = 0; r < count; r++) {
            int i = rowIds[r];
            out[r] = squared(rows, i * d, centres, labels[i] * d, d, lanes);
        }
    }

    /** As {@link #squaredToOwn}, every row against the same point. */
    @Override
    public void squaredTo(double[] rows, int[] rowIds, int count, double[] point, int offset, int d, double[] out) {
        double[] lanes = new double[QUARTET_LANES];
        for (int r = 0; r < count; r++) {
            out[r] = squared(rows, rowIds[r] * d, point, offset, d, lanes);
        }
    }

    /**
     * {@link CentroidDistances#squared} of {@code a[aOffset ..]} and {@code b[bOffset ..]}: the four partial sums in
     * the four lanes of one vector, stored to {@code lanes} ({@code lane(i)} is not compiled to a register move here:
     * a store and four loads are cheaper) and added as the scalar code adds them.
     */
    private static double squared(double[] a, int aOffset, double[] b, int bOffset, int d, double[] lanes) {
        int wide = d - d % QUARTET_LANES;
        DoubleVector sums = DoubleVector.zero(QUARTET);
        for (int f = 0; f < wide; f += QUARTET_LANES) {
            DoubleVector t = DoubleVector.fromArray(QUARTET, a, aOffset + f)
                    .sub(DoubleVector.fromArray(QUARTET, b, bOffset + f));
            sums = sums.add(t.mul(t));
        }
        sums.intoArray(lanes, 0);
        double s0 = lanes[0];
        for (int f = wide; f < d; f++) {
            double t = a[aOffset + f] - b[bOffset + f];
            s0 += t * t;
        }
        return (s0 + lanes[1]) + (lanes[2] + lanes[3]);
    }

    @Override
    public String toString() {
        return "vector-" + LANES;
    }

    /** One tile of rows as columns (feature f of lane r at {@code f * LANES + r}), and the winners' ids. */
    private static final class Tile {

        private final double[] columns;
        private final double[] ids = new double[LANES];

        Tile(int d) {
            this.columns = new double[d * LANES];
        }

        /** Where each lane's row starts, relative to the first: what a gather reads one column by. */
        private final int[] starts = new int[LANES];

        void columnsOf(double[] rows, int firstRow, int d) {
            for (int r = 0; r < LANES; r++) {
                starts[r] = r * d;
            }
            gather(rows, firstRow * d, d);
        }

        void columnsOf(double[] rows, int[] rowIds, int first, int d) {
            for (int r = 0; r < LANES; r++) {
                starts[r] = rowIds[first + r] * d;
            }
            gather(rows, 0, d);
        }

        /**
         * Each column read by one gather and written by one vector store: the vector loads of the distance loop then
         * read whole vectors back, where element-by-element stores made every one of them wait.
         */
        private void gather(double[] rows, int base, int d) {
            for (int f = 0; f < d; f++) {
                DoubleVector.fromArray(SPECIES, rows, base + f, starts, 0).intoArray(columns, f * LANES);
            }
        }

        /**
         * The nearest two centres of every lane, with {@link CentroidDistances#nearestTwo}'s comparisons; each lane's
         * distance is {@link CentroidDistances#squared} operation for operation. One method on purpose: a vector
         * passed between methods the JIT does not inline becomes an object per call, about ten times slower.
         */
        void nearestTwo(double[] centres, int k, int d, int[] best, double[] bestSquared, double[] secondSquared,
                        int at) {
            // Made here, not kept in a constant: C2 re-boxes a vector read from a static field, once per use.
            DoubleVector first = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
            DoubleVector second = first;
            DoubleVector id = DoubleVector.zero(SPECIES);
            for (int c = 0; c < k; c++) {
                int centre = c * d;
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                int f = 0;
                for (; f + 3 < d; f += 4) {
                    DoubleVector t0 = column(f).sub(centres[centre + f]);
                    DoubleVector t1 = column(f + 1).sub(centres[centre + f + 1]);
                    DoubleVector t2 = column(f + 2).sub(centres[centre + f + 2]);
                    DoubleVector t3 = column(f + 3).sub(centres[centre + f + 3]);
                    s0 = s0.add(t0.mul(t0));
                    s1 = s1.add(t1.mul(t1));
                    s2 = s2.add(t2.mul(t2));
                    s3 = s3.add(t3.mul(t3));
                }
                for (; f < d; f++) {
                    DoubleVector t0 = column(f).sub(centres[centre + f]);
                    s0 = s0.add(t0.mul(t0));
                }
                DoubleVector distance = s0.add(s1).add(s2.add(s3));
                VectorMask<Double> nearest = distance.lt(first);
                second = second.blend(first, nearest).blend(distance, distance.lt(second).andNot(nearest));
                first = first.blend(distance, nearest);
                id = id.blend((long) c, nearest);
            }
            first.intoArray(bestSquared, at);
            second.intoArray(secondSquared, at);
            id.intoArray(ids, 0);
            for (int r = 0; r < LANES; r++) {
                best[at + r] = (int) ids[r];
            }
        }

        private DoubleVector column(int f) {
            return DoubleVector.fromArray(SPECIES, columns, f * LANES);
        }
    }
}
