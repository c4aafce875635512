package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;

import java.util.SplittableRandom;

/**
 * Seeded two-dimensional sets whose clusters no centroid describes: two spirals, nested rings, moons, and blobs
 * drowned in uniform noise. Each fills {@code truth} with the generating shape ({@code -1} for uniform noise).
 */
final class ShapedData {

    private ShapedData() {
    }

    /** Two interleaved spirals of {@code perArm} points each, arms 3 apart, jittered by at most 0.15. */
    static DataMatrix spirals(int perArm, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[2 * perArm][];
        for (int i = 0; i < rows.length; i++) {
            int arm = i % 2;
            double t = 1.5 + 3 * Math.PI * random.nextDouble();
            double r = 3 * t / Math.PI;
            double angle = t + arm * Math.PI;
            rows[i] = new double[] {r * Math.cos(angle) + random.nextDouble(-0.15, 0.15),
                    r * Math.sin(angle) + random.nextDouble(-0.15, 0.15)};
            truth[i] = arm;
        }
        return DataMatrix.ofRows(rows);
    }

    /** Rings of radius 2 and 6 around the origin, jittered by at most 0.3. */
    static DataMatrix rings(int perRing, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[2 * perRing][];
        for (int i = 0; i < rows.length; i++) {
            int ring = i % 2;
            double radius = (ring == 0 ? 2 : 6) + random.nextDouble(-0.3, 0.3);
            double angle = 2 * Math.PI * random.nextDouble();
            rows[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            truth[i] = ring;
        }
        return DataMatrix.ofRows(rows);
    }

    /** scikit-learn's two moons, scaled by 4 so that they are 2 apart at their closest, jittered by 0.2. */
    static DataMatrix moons(int perMoon, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[2 * perMoon][];
        for (int i = 0; i < rows.length; i++) {
            int moon = i % 2;
            double t = Math.PI * random.nextDouble();
            double x = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            rows[i] = new double[] {4 * x + random.nextDouble(-0.2, 0.2), 4 * y + random.nextDouble(-0.2, 0.2)};
            truth[i] = moon;
        }
        return DataMatrix.ofRows(rows);
    }

    /** Three blobs of radius 1 in a 20 × 20 square, plus 20% of the rows uniform over the square. */
    static DataMatrix noisyBlobs(int rows, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = {{4, 4}, {16, 5}, {9, 15}};
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (i % 5 == 4) {
                out[i] = new double[] {random.nextDouble(0, 20), random.nextDouble(0, 20)};
                truth[i] = -1;
            } else {
                int blob = i % 3;
                double angle = 2 * Math.PI * random.nextDouble();
                double radius = Math.sqrt(random.nextDouble());
                out[i] = new double[] {centres[blob][0] + radius * Math.cos(angle), centres[blob][1] + radius * Math.sin(angle)};
                truth[i] = blob;
            }
        }
        return DataMatrix.ofRows(out);
    }
}
