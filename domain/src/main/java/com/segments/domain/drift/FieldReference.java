package com.segments.domain.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one input field looked like in the training data, in its original units: enough to measure drift without
 * keeping any customer's values.
 *
 * @param name        the field
 * @param category    true for a category field (codes 0..levels-1), false for numbers and dates
 * @param missingRate share of training rows where it was missing
 * @param mean        mean of the present values (numbers), or NaN
 * @param spread      standard deviation of the present values (numbers), or NaN
 * @param quantiles   the quantiles of the present values at the midpoints of {@link #QUANTILES} equal steps of
 *                    probability ((q + 0.5) / QUANTILES; numbers; empty for categories): a sample that stands for the
 *                    training distribution in the Kolmogorov-Smirnov and Wasserstein comparisons
 * @param edges       cut points of the PSI bins, the reference deciles (numbers), ascending; for a category, empty
 * @param shares      share of present values per PSI bin (numbers: edges + 1 bins) or per level (categories)
 * @param levels      level names of a category field, else empty
 */
public record FieldReference(String name, boolean category, double missingRate, double mean, double spread,
                             double[] quantiles, double[] edges, double[] shares, List<String> levels) {

    /** Quantiles kept per number field. */
    public static final int QUANTILES = 200;

    public FieldReference {
        Objects.requireNonNull(name, "name");
        quantiles = quantiles.clone();
        edges = edges.clone();
        shares = shares.clone();
        levels = List.copyOf(levels);
        if (!category && shares.length != edges.length + 1) {
            throw new IllegalArgumentException(name + ": " + edges.length + " bin edges need " + (edges.length + 1)
                    + " shares, not " + shares.length);
        }
        if (category && shares.length != levels.size()) {
            throw new IllegalArgumentException(name + ": " + levels.size() + " levels need as many shares, not "
                    + shares.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldReference other && name.equals(other.name) && category == other.category
                && Double.compare(missingRate, other.missingRate) == 0 && Double.compare(mean, other.mean) == 0
                && Double.compare(spread, other.spread) == 0 && Arrays.equals(quantiles, other.quantiles)
                && Arrays.equals(edges, other.edges) && Arrays.equals(shares, other.shares)
                && levels.equals(other.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, category, missingRate, Arrays.hashCode(quantiles),
                Arrays.hashCode(shares));
    }

    @Override
    public String toString() {
        return "FieldReference[" + name + (category ? ", category" : "") + "]";
    }

    /** The training median (numbers): the middle decile edge. */
    public double median() {
        return category || edges.length == 0 ? Double.NaN : edges[edges.length / 2];
    }

    /** Number of bins (numbers) or levels (categories) its shares are over. */
    public int bins() {
        return shares.length;
    }

    /** The bin of a present value. */
    public int binOf(double value) {
        if (category) {
            int code = (int) value;
            return code >= 0 && code < shares.length ? code : shares.length - 1;
        }
        return DriftStatistics.bin(edges, value);
    }
}
