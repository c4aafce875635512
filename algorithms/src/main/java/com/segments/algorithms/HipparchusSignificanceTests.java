package com.segments.algorithms;

import com.segments.domain.drift.SignificanceTests;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/** The p-values of drift reports, from Hipparchus's distributions. */
public final class HipparchusSignificanceTests implements SignificanceTests {

    private final KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();

    @Override
    public double ksPValue(double d, int n, int m) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("a Kolmogorov-Smirnov test needs two non-empty samples, not " + n
                    + " and " + m + " values");
        }
        return ks.approximateP(d, n, m);
    }

    @Override
    public double chiSquarePValue(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a chi-square test needs at least one degree of freedom, not "
                    + degreesOfFreedom);
        }
        return 1.0 - new ChiSquaredDistribution(degreesOfFreedom).cumulativeProbability(statistic);
    }
}
