package com.segments.domain.cluster;

/** The distance loop every assignment rule runs, on slices of flat row-major arrays. */
final class Vectors {

    private Vectors() {
    }

    /** Squared Euclidean distance between {@code a[aOffset ..]} and {@code b[bOffset ..]} over {@code length} values. */
    static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum = 0;
        for (int j = 0; j < length; j++) {
            double diff = a[aOffset + j] - b[bOffset + j];
            sum += diff * diff;
        }
        return sum;
    }
}
