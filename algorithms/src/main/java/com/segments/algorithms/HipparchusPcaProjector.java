package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Projector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** Principal components from the eigen-decomposition of the covariance matrix (Hipparchus, pure Java). */
public final class HipparchusPcaProjector implements Projector {

    @Override
    public DataMatrix project(DataMatrix data, int dimensions) {
        int n = data.rows();
        int d = data.columns();
        if (dimensions < 1 || dimensions > d) {
            throw new IllegalArgumentException("cannot project " + d + " columns onto " + dimensions + " components");
        }
        double[] x = data.rowMajorView();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(n, 1);
        }
        double[][] covariance = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = x[i * d + a] - mean[a];
                for (int b = a; b < d; b++) {
                    covariance[a][b] += da * (x[i * d + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(n - 1, 1);
                covariance[b][a] = covariance[a][b];
            }
        }
        RealMatrix c = MatrixUtils.createRealMatrix(covariance);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(c);
        // Hipparchus orders eigenvalues from largest to smallest.
        double[][] components = new double[dimensions][];
        for (int p = 0; p < dimensions; p++) {
            components[p] = eigen.getEigenvector(p).toArray();
            // Fix the sign so the picture does not flip between runs: largest loading positive.
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(components[p][j]) > Math.abs(components[p][largest])) {
                    largest = j;
                }
            }
            if (components[p][largest] < 0) {
                for (int j = 0; j < d; j++) {
                    components[p][j] = -components[p][j];
                }
            }
        }
        double[] out = new double[n * dimensions];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < dimensions; p++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (x[i * d + j] - mean[j]) * components[p][j];
                }
                out[i * dimensions + p] = s;
            }
        }
        return DataMatrix.wrap(n, dimensions, out);
    }
}
