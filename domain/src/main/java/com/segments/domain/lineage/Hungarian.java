package com.segments.domain.lineage;

import java.util.Arrays;

/**
 * Minimum-cost assignment on a square cost matrix (Kuhn-Munkres with potentials, O(n³)): each row gets a distinct
 * column so that the summed cost is as small as it can be.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /** For each row, the column assigned to it. */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        for (double[] row : cost) {
            if (row.length != n) {
                throw new IllegalArgumentException("the cost matrix must be square");
            }
        }
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] columnOwner = new int[n + 1]; // row (1-based) assigned to each column, 0 = none
        int[] way = new int[n + 1];
        for (int row = 1; row <= n; row++) {
            columnOwner[0] = row;
            int column = 0;
            double[] minimum = new double[n + 1];
            boolean[] used = new boolean[n + 1];
            Arrays.fill(minimum, Double.POSITIVE_INFINITY);
            do {
                used[column] = true;
                int owner = columnOwner[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double reduced = cost[owner - 1][j - 1] - u[owner] - v[j];
                        if (reduced < minimum[j]) {
                            minimum[j] = reduced;
                            way[j] = column;
                        }
                        if (minimum[j] < delta) {
                            delta = minimum[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[columnOwner[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minimum[j] -= delta;
                    }
                }
                column = next;
            } while (columnOwner[column] != 0);
            do {
                int previous = way[column];
                columnOwner[column] = columnOwner[previous];
                column = previous;
            } while (column != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[columnOwner[j] - 1] = j - 1;
        }
        return assignment;
    }
}
