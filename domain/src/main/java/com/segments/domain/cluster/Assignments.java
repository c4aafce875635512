package com.segments.domain.cluster;

/**
 * The answers for many rows at once, in primitive arrays (a million {@link Assignment} objects would cost more than
 * computing them). Row {@code i}'s answer is {@link #get(int)}.
 */
public final class Assignments {

    private final int[] segments;
    private final double[] distances;
    private final double[] confidences;
    private final boolean[] outliers;

    /** Room for {@code rows} answers. */
    public Assignments(int rows) {
        segments = new int[rows];
        distances = new double[rows];
        confidences = new double[rows];
        outliers = new boolean[rows];
    }

    public int size() {
        return segments.length;
    }

    public int segment(int row) {
        return segments[row];
    }

    public double distance(int row) {
        return distances[row];
    }

    public double confidence(int row) {
        return confidences[row];
    }

    public boolean outlier(int row) {
        return outliers[row];
    }

    /** Every row's segment ({@link Assignment#NOISE} for none), as a new array. */
    public int[] segments() {
        return segments.clone();
    }

    /** Every row's outlier flag, as a new array. */
    public boolean[] outliers() {
        return outliers.clone();
    }

    /** Row {@code row}'s answer as one value. */
    public Assignment get(int row) {
        return new Assignment(segments[row], distances[row], confidences[row], outliers[row]);
    }

    public void set(int row, int segment, double distance, double confidence, boolean outlier) {
        segments[row] = segment;
        distances[row] = distance;
        confidences[row] = confidence;
        outliers[row] = outlier;
    }
}
