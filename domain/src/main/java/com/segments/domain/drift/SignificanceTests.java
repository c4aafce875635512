package com.segments.domain.drift;

/**
 * P-values of the tests a drift report quotes beside its distances. A port: the distributions come from a statistics
 * library in a plugin module, not from code written here.
 */
public interface SignificanceTests {

    /**
     * P-value of a two-sample Kolmogorov-Smirnov statistic {@code d} for samples of sizes {@code n} and {@code m}
     * (the asymptotic Kolmogorov distribution).
     */
    double ksPValue(double d, int n, int m);

    /** Upper-tail p-value of a chi-square statistic with {@code degreesOfFreedom} (at least 1). */
    double chiSquarePValue(double statistic, int degreesOfFreedom);
}
