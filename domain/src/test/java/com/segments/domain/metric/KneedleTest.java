package com.segments.domain.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KneedleTest {

    /**
     * The paper's example curve, y = -1/x + 5 (concave, increasing), on x = 0.1, 0.2, ..., 1.0. By hand: normalised,
     * the difference curve is 0, .444, .519, .500, .444, .370, ...; its maximum is at x = 0.3, the threshold
     * .519 - 1 x 0.111 = .407, first crossed at x = 0.6, so the knee is 0.3 (the continuous curve's is 0.22).
     */
    @Test
    void findsThePapersKnee() {
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = 0.1 + 0.1 * i;
            y[i] = -1 / x[i] + 5;
        }
        assertThat(Kneedle.knee(x, y, Kneedle.Shape.CONCAVE_INCREASING, 1.0).orElseThrow()).isCloseTo(0.3, within(1e-12));
    }

    /** An inertia curve of four clear groups: steep to k = 4, flat after. */
    @Test
    void findsTheElbowOfAnInertiaCurve() {
        double[] k = {2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] inertia = {1000, 600, 200, 185, 172, 160, 150, 141, 133};
        assertThat(Kneedle.elbow(k, inertia)).hasValue(4);
    }

    /** The same curve sampled at uneven k: normalisation by the k values themselves keeps the elbow at 4. */
    @Test
    void copesWithUnevenSpacing() {
        double[] k = {2, 3, 4, 6, 8, 12, 16};
        double[] inertia = {1000, 600, 200, 172, 150, 118, 95};
        assertThat(Kneedle.elbow(k, inertia)).hasValue(4);
    }

    /** A k-means fit stuck in a local optimum at k = 6 breaks monotonicity; the monotone fit removes the false knee. */
    @Test
    void copesWithANonMonotoneCurve() {
        double[] k = {2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] inertia = {1000, 600, 200, 185, 240, 160, 150, 141, 133};
        assertThat(Kneedle.elbow(k, inertia)).hasValue(4);
        assertThat(Kneedle.Isotonic.fit(new double[] {5, 4, 6, 2}, false)).containsExactly(5, 5, 5, 2);
    }

    @Test
    void aStraightLineHasNoKnee() {
        assertThat(Kneedle.elbow(new double[] {2, 3, 4, 5, 6}, new double[] {10, 8, 6, 4, 2})).isEmpty();
    }

    @Test
    void decreasingConcaveAndIncreasingConvexCurvesAreMirrored() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] convexUp = {1, 2, 3, 4, 5, 6, 20, 40, 60};
        assertThat(Kneedle.knee(x, convexUp, Kneedle.Shape.CONVEX_INCREASING, 1.0)).hasValue(6);
        double[] concaveDown = {60, 59, 58, 57, 56, 55, 30, 10, 0};
        assertThat(Kneedle.knee(x, concaveDown, Kneedle.Shape.CONCAVE_DECREASING, 1.0)).hasValue(6);
    }

    @Test
    void refusesUnsortedOrNonFiniteInput() {
        assertThatThrownBy(() -> Kneedle.elbow(new double[] {2, 2, 3}, new double[] {3, 2, 1}))
                .hasMessageContaining("x must increase strictly");
        assertThatThrownBy(() -> Kneedle.elbow(new double[] {2, 3, 4}, new double[] {3, Double.NaN, 1}))
                .hasMessageContaining("point 1 is not finite");
    }
}
