package com.segments.domain.feature;

import java.util.Locale;

/** Small things the step fits share: how numbers look in notes, skewness. */
final class Steps {

    private Steps() {
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    static String bound(double v) {
        return Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : format(v);
    }

    /** Sample skewness (the biased moment ratio, as scipy's default). */
    static double skewness(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    }

    static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return values.length == 0 ? 0 : min;
    }
}
