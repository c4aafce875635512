package com.segments.domain.cluster;

/**
 * The many-rows half of {@link CentroidDistances}: for each of many rows, the nearest of k centres and the squared
 * distances to it and to the second nearest, exactly as {@link CentroidDistances#nearestTwo} answers for that row
 * alone (the same bits, ties to the lower id). An implementation may only change how fast that is computed, never a
 * bit of the answer: so a faster one (the k-means plugin's vector kernel) can be installed by the composition root
 * without a model's training labels and its predictions ever disagreeing. {@link #SCALAR} is the reference.
 *
 * <p>Rows and centres are flat row-major arrays {@code d} values wide; results for the {@code i}-th row asked for go
 * to index {@code i} of {@code best}, {@code bestSquared} and {@code secondSquared} (infinity when k = 1).
 */
public interface CentroidKernel {

    /** Rows {@code fromRow} (inclusive) to {@code toRow} (exclusive). */
    void nearestTwo(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                    int[] best, double[] bestSquared, double[] secondSquared);

    /** The rows whose numbers are {@code rowIds[0 .. count)}, in that order. */
    void nearestTwoOf(double[] rows, int[] rowIds, int count, double[] centres, int k, int d,
                      int[] best, double[] bestSquared, double[] secondSquared);

    /**
     * The squared distance of each row {@code rowIds[r]} ({@code r < count}) to its own centre
     * {@code labels[rowIds[r]]}, into {@code out[r]}: {@link CentroidDistances#squared}'s bits. What the k-means
     * bounds check before they measure a row against every centre.
     */
    default void squaredToOwn(double[] rows, int[] rowIds, int count, double[] centres, int[] labels, int d,
                              double[] out) {
        for (int r = 0; r < count; r++) {
            int i = rowIds[r];
            out[r] = CentroidDistances.squared(rows, i * d, centres, labels[i] * d, d);
        }
    }

    /**
     * The squared distance of each row {@code rowIds[r]} ({@code r < count}) to the one point at
     * {@code point[offset .. offset + d)}, into {@code out[r]}: {@link CentroidDistances#squared}'s bits. What k-means++
     * seeding measures for each candidate centre.
     */
    default void squaredTo(double[] rows, int[] rowIds, int count, double[] point, int offset, int d, double[] out) {
        for (int r = 0; r < count; r++) {
            out[r] = CentroidDistances.squared(rows, rowIds[r] * d, point, offset, d);
        }
    }

    /** The reference: {@link CentroidDistances#nearestTwo} row by row. */
    CentroidKernel SCALAR = new CentroidKernel() {
        @Override
        public void nearestTwo(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                               int[] best, double[] bestSquared, double[] secondSquared) {
            double[] two = new double[2];
            for (int r = fromRow; r < toRow; r++) {
                int i = r - fromRow;
                best[i] = CentroidDistances.nearestTwo(rows, r * d, centres, k, d, two, 0);
                bestSquared[i] = two[0];
                secondSquared[i] = two[1];
            }
        }

        @Override
        public void nearestTwoOf(double[] rows, int[] rowIds, int count, double[] centres, int k, int d,
                                 int[] best, double[] bestSquared, double[] secondSquared) {
            double[] two = new double[2];
            for (int i = 0; i < count; i++) {
                best[i] = CentroidDistances.nearestTwo(rows, rowIds[i] * d, centres, k, d, two, 0);
                bestSquared[i] = two[0];
                secondSquared[i] = two[1];
            }
        }

        @Override
        public String toString() {
            return "scalar";
        }
    };
}
