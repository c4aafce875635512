package com.segments.domain.feature;

import java.util.Arrays;

/**
 * Projects a row onto the leading principal components of the training data: {@code (x - mean) · component_p}.
 * Fitted by a linear algebra library behind the {@link Projector} port.
 *
 * @param mean       the training mean per input column
 * @param components one unit vector per kept component, flattened row-major (components × input width)
 * @param explained  the share of the total variance each kept component explains, largest first
 */
public record PrincipalComponents(double[] mean, double[] components, double[] explained) implements FittedStep {

    public PrincipalComponents {
        mean = mean.clone();
        components = components.clone();
        explained = explained.clone();
        if (mean.length == 0 || explained.length == 0 || components.length != mean.length * explained.length) {
            throw new IllegalArgumentException(explained.length + " components of width " + mean.length
                    + " need " + mean.length * explained.length + " loadings, got " + components.length);
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] components() {
        return components.clone();
    }

    @Override
    public double[] explained() {
        return explained.clone();
    }

    /** Total share of the variance the kept components explain. */
    public double explainedTotal() {
        return Arrays.stream(explained).sum();
    }

    /** The first {@code count} components only. */
    public PrincipalComponents keep(int count) {
        if (count < 1 || count > explained.length) {
            throw new IllegalArgumentException("cannot keep " + count + " of " + explained.length + " components");
        }
        return new PrincipalComponents(mean, Arrays.copyOf(components, count * mean.length),
                Arrays.copyOf(explained, count));
    }

    /** The fewest leading components that explain at least {@code share} of the variance (0 < share <= 1). */
    public PrincipalComponents keepExplaining(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("explained variance must be in (0, 1], got " + share);
        }
        double total = 0;
        for (int p = 0; p < explained.length; p++) {
            total += explained[p];
            if (total >= share - 1e-12) {
                return keep(p + 1);
            }
        }
        return this;
    }

    @Override
    public int inputWidth() {
        return mean.length;
    }

    @Override
    public int outputWidth() {
        return explained.length;
    }

    @Override
    public double[] apply(double[] row) {
        int d = mean.length;
        double[] out = new double[explained.length];
        for (int p = 0; p < out.length; p++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (row[j] - mean[j]) * components[p * d + j];
            }
            out[p] = s;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrincipalComponents other && Arrays.equals(mean, other.mean)
                && Arrays.equals(components, other.components) && Arrays.equals(explained, other.explained);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(components)) + Arrays.hashCode(explained);
    }

    @Override
    public String toString() {
        return "PrincipalComponents[" + explained.length + " of " + mean.length + ", explained "
                + explainedTotal() + "]";
    }
}
