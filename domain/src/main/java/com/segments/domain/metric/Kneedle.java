package com.segments.domain.metric;

import java.util.OptionalDouble;

/**
 * The knee (or elbow) of a curve after Satopaa, Albrecht, Irwin and Raghavan, "Finding a 'Kneedle' in a Haystack"
 * (2011), offline form: the first point where the normalised curve lies farthest above its chord and then falls
 * clearly back (by {@code sensitivity} times the mean spacing of the normalised x).
 *
 * <p>Two departures from the paper make it usable on what clustering produces. The x values may be uneven (k = 2,
 * 3, 4, 6, 8, 12): normalisation uses the x values themselves, never their positions. The curve may be
 * non-monotone (a k-means fit stuck in a local optimum has more inertia at k + 1 than at k): the curve is first
 * replaced by its least-squares monotone fit (pool-adjacent-violators), which for inertia is also what the optimal
 * fits would give, since an optimal fit with more segments never has more inertia. The paper's smoothing spline
 * is not used: the curves here have a few dozen points at most, and the monotone fit already removes the jitter
 * that would create false knees.
 */
public final class Kneedle {

    /** The paper's default: 1 finds knees as soon as the curve flattens clearly. */
    public static final double DEFAULT_SENSITIVITY = 1.0;

    /** Whether the curve rises or falls as x grows, and whether it bends upward (convex) or downward (concave). */
    public enum Shape {
        /** Falls fast, then flattens: inertia or within-segment scatter against k. */
        CONVEX_DECREASING(false, true),
        /** Rises fast, then flattens: explained variance against k. */
        CONCAVE_INCREASING(true, false),
        CONVEX_INCREASING(true, true),
        CONCAVE_DECREASING(false, false);

        private final boolean increasing;
        private final boolean convex;

        Shape(boolean increasing, boolean convex) {
            this.increasing = increasing;
            this.convex = convex;
        }
    }

    private Kneedle() {
    }

    /** The knee of an inertia-like curve (falling, convex) with the paper's sensitivity. */
    public static OptionalDouble elbow(double[] x, double[] y) {
        return knee(x, y, Shape.CONVEX_DECREASING, DEFAULT_SENSITIVITY);
    }

    /**
     * @param x strictly increasing, at least three values
     * @param y one value per x, finite
     * @return the x of the first knee, or empty when the curve never clearly bends (a straight line, or a curve
     * that flattens only at its last point)
     */
    public static OptionalDouble knee(double[] x, double[] y, Shape shape, double sensitivity) {
        check(x, y);
        if (x.length < 3) {
            return OptionalDouble.empty();
        }
        double[] monotone = Isotonic.fit(y, shape.increasing);
        double[] xn = normalise(x);
        double[] yn = normalise(monotone);
        int n = x.length;
        // Bring every shape to the paper's base case, a concave increasing curve, whose knee is the maximum of
        // the difference between the curve and the diagonal.
        double[] xs = new double[n];
        double[] ys = new double[n];
        boolean flipX = shape.increasing == shape.convex;
        for (int i = 0; i < n; i++) {
            int from = flipX ? n - 1 - i : i;
            xs[i] = flipX ? 1 - xn[from] : xn[from];
            ys[i] = shape.convex ? 1 - yn[from] : yn[from];
        }
        int knee = firstKnee(xs, ys, sensitivity);
        if (knee < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(x[flipX ? n - 1 - knee : knee]);
    }

    /** Index (in the base-case order) of the first local maximum of the difference curve that is followed by a clear drop. */
    private static int firstKnee(double[] xs, double[] ys, double sensitivity) {
        int n = xs.length;
        double[] difference = new double[n];
        for (int i = 0; i < n; i++) {
            difference[i] = ys[i] - xs[i];
        }
        double step = (xs[n - 1] - xs[0]) / (n - 1);
        double threshold = Double.NaN;
        int candidate = -1;
        for (int i = 1; i < n - 1; i++) {
            if (difference[i] >= difference[i - 1] && difference[i] > difference[i + 1]) {
                candidate = i;
                threshold = difference[i] - sensitivity * step;
            } else if (difference[i] <= difference[i - 1] && difference[i] < difference[i + 1]) {
                threshold = 0; // a local minimum: only a fall below the diagonal still declares the last maximum
            }
            if (candidate >= 0 && !Double.isNaN(threshold) && difference[i + 1] < threshold) {
                return candidate;
            }
        }
        return -1;
    }

    private static double[] normalise(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double value : v) {
            lo = Math.min(lo, value);
            hi = Math.max(hi, value);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = hi == lo ? 0 : (v[i] - lo) / (hi - lo);
        }
        return out;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
            if (i > 0 && x[i] <= x[i - 1]) {
                throw new IllegalArgumentException("x must increase strictly; x[" + i + "] = " + x[i]
                        + " follows " + x[i - 1]);
            }
        }
    }

    /** Least-squares monotone fit by pool-adjacent-violators (equal weights). */
    static final class Isotonic {
        private Isotonic() {
        }

        static double[] fit(double[] y, boolean increasing) {
            int n = y.length;
            double[] mean = new double[n];
            int[] size = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                mean[blocks] = increasing ? y[i] : -y[i];
                size[blocks] = 1;
                blocks++;
                while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                    int merged = size[blocks - 2] + size[blocks - 1];
                    mean[blocks - 2] = (mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1]) / merged;
                    size[blocks - 2] = merged;
                    blocks--;
                }
            }
            double[] out = new double[n];
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                for (int j = 0; j < size[b]; j++) {
                    out[i++] = increasing ? mean[b] : -mean[b];
                }
            }
            return out;
        }
    }
}
