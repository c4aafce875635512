package com.segments.domain.model;

import java.util.Arrays;

/**
 * One segment of a trained model.
 *
 * @param id               segment id, {@code 0 .. k-1}
 * @param size             training customers assigned to it
 * @param share            size / all training customers
 * @param centroid         centre in the preprocessed space the algorithm ran in
 * @param centroidOriginal centre in original units: the mean of its members' raw values (missing values imputed)
 */
public record Segment(int id, long size, double share, double[] centroid, double[] centroidOriginal) {

    public Segment {
        if (id < 0 || size < 0 || share < 0 || share > 1) {
            throw new IllegalArgumentException("invalid segment " + id + ": size " + size + ", share " + share);
        }
        centroid = centroid.clone();
        centroidOriginal = centroidOriginal.clone();
    }

    @Override
    public double[] centroid() {
        return centroid.clone();
    }

    @Override
    public double[] centroidOriginal() {
        return centroidOriginal.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment other && id == other.id && size == other.size && share == other.share
                && Arrays.equals(centroid, other.centroid) && Arrays.equals(centroidOriginal, other.centroidOriginal);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(size) + id;
    }

    @Override
    public String toString() {
        return "Segment[id=" + id + ", size=" + size + ", share=" + share + "]";
    }
}
