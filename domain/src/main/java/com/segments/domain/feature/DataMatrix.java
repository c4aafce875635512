package com.segments.domain.feature;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense rows × columns matrix of doubles, row-major in one flat array, so that scoring and distance loops
 * run over primitive memory. {@code NaN} marks a missing value in raw data.
 */
public final class DataMatrix {

    private final int rows;
    private final int columns;
    private final double[] values;

    private DataMatrix(int rows, int columns, double[] values) {
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("a matrix needs rows >= 0 and columns >= 1, got " + rows + " x " + columns);
        }
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException("expected " + (long) rows * columns + " values, got " + values.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    /** Wraps a row-major array; the matrix takes ownership of it. */
    public static DataMatrix wrap(int rows, int columns, double[] rowMajor) {
        return new DataMatrix(rows, columns, Objects.requireNonNull(rowMajor, "values"));
    }

    public static DataMatrix ofRows(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("ofRows needs at least one row to know the width");
        }
        int columns = rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + columns);
            }
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return new DataMatrix(rows.length, columns, flat);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** Copies one row into {@code out} (length {@code columns}) and returns it. */
    public double[] copyRow(int row, double[] out) {
        System.arraycopy(values, row * columns, out, 0, columns);
        return out;
    }

    public double[] row(int row) {
        return copyRow(row, new double[columns]);
    }

    /** A copy of one column, in row order. */
    public double[] column(int column) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = values[i * columns + column];
        }
        return out;
    }

    /**
     * The backing row-major array, for loops that must not copy (fitting, distances). Callers must not modify it.
     */
    public double[] rowMajorView() {
        return values;
    }

    /**
     * Applies a fitted step to every row: in place when the step keeps the width (this matrix changes and is
     * returned), else into a new matrix. For a fitter working on its own copy; a shared matrix must not be changed.
     */
    public DataMatrix applyInPlace(FittedStep step) {
        if (step.inputWidth() != columns) {
            throw new IllegalArgumentException("step reads " + step.inputWidth() + " values, rows have " + columns);
        }
        int width = step.outputWidth();
        double[] out = width == columns ? values : new double[rows * width];
        double[] row = new double[columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * columns, row, 0, columns);
            double[] result = step.apply(row);
            System.arraycopy(result, 0, out, i * width, width);
        }
        return width == columns ? this : new DataMatrix(rows, width, out);
    }

    public DataMatrix copy() {
        return new DataMatrix(rows, columns, values.clone());
    }

    /** The rows at the given indices, in that order. */
    public DataMatrix selectRows(int[] indices) {
        double[] out = new double[indices.length * columns];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * columns, out, i * columns, columns);
        }
        return new DataMatrix(indices.length, columns, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataMatrix other && rows == other.rows && columns == other.columns
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DataMatrix[" + rows + " x " + columns + "]";
    }
}
