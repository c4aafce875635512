package com.segments.domain.cluster;

/**
 * The median split every space-partitioning tree here makes: Hoare's quickselect over rows of a flat row-major array,
 * keyed by one column, with the tree's own swap (which moves the row and whatever travels with it). One copy, so the
 * k-d tree, the principal-axes tree and HDBSCAN's Boruvka tree split the same rows the same way.
 */
public final class RowSelection {

    /** Exchanges rows {@code a} and {@code b} and everything stored beside them. */
    @FunctionalInterface
    public interface Swap {
        void swap(int a, int b);
    }

    private RowSelection() {
    }

    /**
     * Reorders rows {@code left..right} (inclusive) so that row {@code rank} holds the value a sort on {@code column}
     * would put there, smaller or equal values before it and larger or equal ones after.
     *
     * @param keys   the row-major values the rows are compared by
     * @param width  values per row in {@code keys}
     * @param column the column of {@code keys} compared
     * @param swap   moves rows in {@code keys} and the caller's other arrays alike
     */
    public static void select(double[] keys, int width, int column, int left, int right, int rank, Swap swap) {
        while (left < right) {
            double pivot = keys[((left + right) >>> 1) * width + column];
            int i = left;
            int j = right;
            while (i <= j) {
                while (keys[i * width + column] < pivot) {
                    i++;
                }
                while (keys[j * width + column] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap.swap(i++, j--);
                }
            }
            if (rank <= j) {
                right = j;
            } else if (rank >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    /**
     * Builds an implicit k-d tree over rows {@code low..high-1}: while a range holds more than {@code leaf} rows, its
     * median row (the middle index) is selected on the widest column, which is recorded at
     * {@code splitColumn[middle]}, and both halves are split the same way. The k-d tree and the principal-axes tree
     * both search the tree this leaves.
     */
    public static void medianTree(double[] keys, int width, int low, int high, int leaf, int[] splitColumn,
                                  Swap swap) {
        while (high - low > leaf) {
            int split = widestColumn(keys, width, low, high);
            int middle = (low + high) >>> 1;
            select(keys, width, split, low, high - 1, middle, swap);
            splitColumn[middle] = split;
            medianTree(keys, width, low, middle, leaf, splitColumn, swap);
            low = middle + 1;
        }
    }

    /** The column of rows {@code low..high-1} with the largest spread (max - min), the first on a tie. */
    public static int widestColumn(double[] values, int width, int low, int high) {
        int best = 0;
        double bestSpread = -1;
        for (int j = 0; j < width; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = low; i < high; i++) {
                double v = values[i * width + j];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = j;
            }
        }
        return best;
    }
}
