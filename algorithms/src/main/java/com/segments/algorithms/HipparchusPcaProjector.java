package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Projector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** Principal components from the eigen-decomposition of the covariance matrix (Hipparchus, pure Java). */
public final class HipparchusPcaProjector implements Projector {

    @Override
    public PrincipalComponents fit(DataMatrix data) {
        int n = data.rows();
        int d = data.columns();
        if (n < 2) {
            throw new IllegalArgumentException("principal components need at least 2 rows, got " + n);
        }
        double[] x = data.rowMajorView();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
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
                covariance[a][b] /= n - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        RealMatrix c = MatrixUtils.createRealMatrix(covariance);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(c);
        // Hipparchus orders eigenvalues from largest to smallest.
        double[] eigenvalues = eigen.getEigenvalues();
        double total = 0;
        for (double value : eigenvalues) {
            total += Math.max(value, 0);
        }
        double[] components = new double[d * d];
        double[] explained = new double[d];
        for (int p = 0; p < d; p++) {
            double[] v = eigen.getEigenvector(p).toArray();
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            double sign = v[largest] < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) {
                components[p * d + j] = sign * v[j];
            }
            explained[p] = total > 0 ? Math.max(eigenvalues[p], 0) / total : 1.0 / d;
        }
        return new PrincipalComponents(mean, components, explained);
    }
}
