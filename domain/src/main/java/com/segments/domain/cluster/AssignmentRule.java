package com.segments.domain.cluster;

/**
 * How a preprocessed customer vector is given a segment. Implementations are plain numbers (stored as JSON with
 * the model) and run without any clustering library.
 */
public sealed interface AssignmentRule permits HdbscanRule, NearestCentroidRule, NearestExemplarRule, NearestNeighbourRule {

    int segmentCount();

    int dimensions();

    /** Assigns one preprocessed vector. Allocates only the result. */
    Assignment assign(double[] vector);

    /** The segment (or {@link Assignment#NOISE}) of every row of a flat row-major array. */
    int[] labelAll(double[] rows);

    /**
     * Every row of a flat row-major array assigned, in primitive arrays: the answer {@link #assign} gives each row.
     * Rules with a faster way for many rows override it.
     */
    default Assignments assignAll(double[] rows) {
        int n = rows.length / dimensions();
        Assignments out = new Assignments(n);
        double[] row = new double[dimensions()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * dimensions(), row, 0, row.length);
            Assignment a = assign(row);
            out.set(i, a.segment(), a.distance(), a.confidence(), a.outlier());
        }
        return out;
    }

    /** The same rule with segment {@code c} renamed {@code newIdOf[c]} (a permutation of 0..k-1). */
    AssignmentRule relabel(int[] newIdOf);

    /** Labels renamed by a permutation; noise stays noise. */
    static int[] relabel(int[] labels, int[] newIdOf) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == Assignment.NOISE ? Assignment.NOISE : newIdOf[labels[i]];
        }
        return out;
    }
}
