package com.segments.domain.lineage;

import com.segments.domain.cluster.Assignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a new version's segments the ids of the previous version's segments they continue, so that "segment 2"
 * keeps its meaning after a retrain. Both versions label the same customers (the new training rows); the
 * Hungarian method then picks the renumbering that maximises the summed Jaccard overlap between each new segment and
 * the previous segment whose id it takes. Splits (a previous segment spread over several new ones), merges, new and
 * vanished segments are reported as lineage.
 */
public final class SegmentAlignment {

    /** A new segment must overlap a previous one at least this much (Jaccard) to continue it. */
    public static final double CONTINUES = 0.3;
    /** A share of a segment's members this large counts as a real part of a split or merge. */
    public static final double SIGNIFICANT_SHARE = 0.2;

    private SegmentAlignment() {
    }

    /**
     * @param newIdOf for each segment as fitted, its id after alignment (a permutation of 0..k-1)
     * @param lineage the relations found
     */
    public record Result(int[] newIdOf, SegmentLineage lineage) {
    }

    /**
     * @param previous        labels of the rows under the previous version ({@link Assignment#NOISE} allowed)
     * @param previousCount   segments of the previous version
     * @param current         labels of the same rows under the new version, as fitted
     * @param currentCount    segments of the new version
     * @param previousVersion the previous version's number, for the lineage
     */
    public static Result align(int[] previous, int previousCount, int[] current, int currentCount, int previousVersion) {
        if (previous.length != current.length) {
            throw new IllegalArgumentException(previous.length + " previous labels for " + current.length + " rows");
        }
        long[][] both = new long[currentCount][previousCount];
        long[] currentSizes = new long[currentCount];
        long[] previousSizes = new long[previousCount];
        for (int i = 0; i < current.length; i++) {
            int c = current[i];
            int p = previous[i];
            if (c != Assignment.NOISE) {
                currentSizes[c]++;
            }
            if (p != Assignment.NOISE) {
                previousSizes[p]++;
            }
            if (c != Assignment.NOISE && p != Assignment.NOISE) {
                both[c][p]++;
            }
        }
        double[][] jaccard = new double[currentCount][previousCount];
        for (int c = 0; c < currentCount; c++) {
            for (int p = 0; p < previousCount; p++) {
                long union = currentSizes[c] + previousSizes[p] - both[c][p];
                jaccard[c][p] = union == 0 ? 0 : (double) both[c][p] / union;
            }
        }
        // Square cost over the new ids 0..k-1: id t < previousCount means "continue previous segment t".
        double[][] cost = new double[currentCount][currentCount];
        for (int c = 0; c < currentCount; c++) {
            for (int t = 0; t < currentCount; t++) {
                cost[c][t] = t < previousCount ? -jaccard[c][t] : 0;
            }
        }
        int[] newIdOf = Hungarian.solve(cost);

        List<SegmentLineage.Link> links = new ArrayList<>();
        boolean[] continued = new boolean[previousCount];
        for (int c = 0; c < currentCount; c++) {
            int id = newIdOf[c];
            if (id < previousCount && jaccard[c][id] >= CONTINUES) {
                continued[id] = true;
                links.add(new SegmentLineage.Link(SegmentLineage.Kind.KEPT, List.of(id), List.of(id), jaccard[c][id]));
            } else {
                links.add(new SegmentLineage.Link(SegmentLineage.Kind.NEW, List.of(), List.of(id), 0));
            }
        }
        for (int p = 0; p < previousCount; p++) {
            List<Integer> parts = new ArrayList<>();
            for (int c = 0; c < currentCount; c++) {
                if (previousSizes[p] > 0 && (double) both[c][p] / previousSizes[p] >= SIGNIFICANT_SHARE) {
                    parts.add(newIdOf[c]);
                }
            }
            if (parts.size() >= 2) {
                links.add(new SegmentLineage.Link(SegmentLineage.Kind.SPLIT, List.of(p), sorted(parts), Double.NaN));
            }
            if (!continued[p]) {
                links.add(new SegmentLineage.Link(SegmentLineage.Kind.VANISHED, List.of(p), List.of(), 0));
            }
        }
        for (int c = 0; c < currentCount; c++) {
            List<Integer> sources = new ArrayList<>();
            for (int p = 0; p < previousCount; p++) {
                if (currentSizes[c] > 0 && (double) both[c][p] / currentSizes[c] >= SIGNIFICANT_SHARE
                        && previousSizes[p] > 0 && (double) both[c][p] / previousSizes[p] >= SIGNIFICANT_SHARE) {
                    sources.add(p);
                }
            }
            if (sources.size() >= 2) {
                links.add(new SegmentLineage.Link(SegmentLineage.Kind.MERGED, sorted(sources), List.of(newIdOf[c]), Double.NaN));
            }
        }
        // Read in a fixed order: what carried on, what split or merged, what is new, what is gone; by id within each.
        links.sort(java.util.Comparator.<SegmentLineage.Link>comparingInt(l -> l.kind().ordinal())
                .thenComparing(l -> l.current().isEmpty() ? -1 : l.current().getFirst())
                .thenComparing(l -> l.previous().isEmpty() ? -1 : l.previous().getFirst()));
        return new Result(newIdOf, new SegmentLineage(previousVersion, links));
    }

    private static List<Integer> sorted(List<Integer> ids) {
        return ids.stream().sorted().toList();
    }
}
