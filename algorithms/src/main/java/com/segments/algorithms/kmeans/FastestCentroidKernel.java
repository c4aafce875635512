package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidKernel;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fastest many-rows distance kernel this JVM can run: the Vector API one ({@link VectorCentroidKernel}) where the
 * JVM was started with {@code --add-modules jdk.incubator.vector} and vectors have at least four lanes, else the
 * scalar reference. Both give the same bits; the system property {@code segments.kernel=scalar} forces the reference,
 * for benchmarks that measure one against the other.
 *
 * <p>Vector API code runs tens of times slower than scalar code until the JIT has compiled it, and compiling it takes
 * a few hundred milliseconds on this 2-core machine: measured on a fresh JVM, the first pass over 1M rows took 437 ms
 * on the vector kernel against 113 ms on the scalar one (steady: 21 against 44). So the scalar kernel answers until a
 * background thread, started once enough rows have been asked for, has warmed the vector one up and measured it
 * faster; both give the same bits, so the moment of the switch never shows in a result.
 *
 * <p>The k-means fit uses {@link #chosen()}; an instance is the {@link CentroidKernel} service this plugin module
 * offers, which the composition root installs for scoring
 * ({@link com.segments.domain.cluster.CentroidDistances#useKernel}).
 */
public final class FastestCentroidKernel implements CentroidKernel {

    /** The incubating module the vector kernel needs; absent unless the JVM was asked for it. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** For {@link java.util.ServiceLoader}. */
    public FastestCentroidKernel() {
    }

    /** The kernel chosen for this JVM's k-means fits. */
    public static CentroidKernel chosen() {
        return Chosen.FITTING;
    }

    /**
     * Rows a fit asks for before the vector kernel is warmed up: a fit on more asks for many times its rows (seeding
     * measures each candidate against every row, Lloyd every unsettled row each pass), so warming up pays early.
     */
    static final long FITTING_ROWS_BEFORE_WARMING = 20_000;
    /**
     * Rows scoring asks for before the vector kernel is warmed up. Warming up (compiling the Vector API code, on
     * this 2-core machine beside the reading and scoring threads) cost {@code segments score} of 1M x 16 rows more than the
     * faster kernel saved there: 2.38 to 2.51 s with the scalar kernel against 2.63 to 2.74 s with the warm-up, the
     * same scores. Measured break-even is a few million rows; a fit that warms it up switches scoring over too.
     */
    static final long SCORING_ROWS_BEFORE_WARMING = 8_000_000;

    /** Chosen on first use, not when the service is loaded: a command that scores nothing loads no Vector API. */
    private static final class Chosen {
        static final CentroidKernel FITTING = choose(FITTING_ROWS_BEFORE_WARMING);
        static final CentroidKernel SCORING = choose(SCORING_ROWS_BEFORE_WARMING);
    }

    private static CentroidKernel choose(long rowsBeforeWarming) {
        if ("scalar".equals(System.getProperty("segments.kernel"))
                || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return CentroidKernel.SCALAR;
        }
        // Only referenced once the module is known to be there: loading the class links the Vector API.
        return VectorCentroidKernel.worthwhile()
                ? new WarmingUp(new VectorCentroidKernel(), rowsBeforeWarming) : CentroidKernel.SCALAR;
    }

    /** Set once any warm-up has finished: the vector code is compiled for every user of it. */
    private static volatile boolean vectorWarm;

    @Override
    public void nearestTwo(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                           int[] best, double[] bestSquared, double[] secondSquared) {
        Chosen.SCORING.nearestTwo(rows, fromRow, toRow, centres, k, d, best, bestSquared, secondSquared);
    }

    @Override
    public void nearestTwoOf(double[] rows, int[] rowIds, int count, double[] centres, int k, int d,
                             int[] best, double[] bestSquared, double[] secondSquared) {
        Chosen.SCORING.nearestTwoOf(rows, rowIds, count, centres, k, d, best, bestSquared, secondSquared);
    }

    @Override
    public void squaredToOwn(double[] rows, int[] rowIds, int count, double[] centres, int[] labels, int d,
                             double[] out) {
        Chosen.SCORING.squaredToOwn(rows, rowIds, count, centres, labels, d, out);
    }

    @Override
    public void squaredTo(double[] rows, int[] rowIds, int count, double[] point, int offset, int d, double[] out) {
        Chosen.SCORING.squaredTo(rows, rowIds, count, point, offset, d, out);
    }

    @Override
    public String toString() {
        return Chosen.SCORING.toString();
    }

    /** The scalar kernel until the vector one is compiled and measured faster, then the vector one. */
    private static final class WarmingUp implements CentroidKernel {

        /** Warming up gives up (and keeps the vector kernel, compiled or not by then) after this long. */
        private static final long WARMING_NANOS = 3_000_000_000L;

        private final CentroidKernel vector;
        /** Rows asked for before warming up starts: a command scoring a few rows never pays for it. */
        private final long rowsBeforeWarming;
        private final AtomicLong rowsAsked = new AtomicLong();
        private volatile boolean warm;

        WarmingUp(CentroidKernel vector, long rowsBeforeWarming) {
            this.vector = vector;
            this.rowsBeforeWarming = rowsBeforeWarming;
        }

        private CentroidKernel current(int rows) {
            if (warm || vectorWarm) {
                return vector;
            }
            long before = rowsAsked.getAndAdd(rows);
            if (before < rowsBeforeWarming && before + rows >= rowsBeforeWarming) {
                Thread thread = new Thread(this::warmUp, "distance-kernel-warm-up");
                thread.setDaemon(true);
                thread.start();
            }
            return CentroidKernel.SCALAR;
        }

        /**
         * Runs both kernels on the same made-up rows (widths 16 and 7, so the tail loop is compiled too) until the
         * vector one is at least twice as fast three times running.
         */
        private void warmUp() {
            SplittableRandom random = new SplittableRandom(1);
            double[] rows = random.doubles(512 * 16).toArray();
            double[] centres = random.doubles(8 * 16).toArray();
            int[] best = new int[512];
            double[] first = new double[512];
            double[] second = new double[512];
            int[] ids = new int[512];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            long deadline = System.nanoTime() + WARMING_NANOS;
            int wins = 0;
            for (int round = 0; wins < 3 && System.nanoTime() < deadline; round++) {
                int d = round % 2 == 0 ? 16 : 7;
                long started = System.nanoTime();
                vector.nearestTwo(rows, 0, 512, centres, 8, d, best, first, second);
                long vectorNanos = System.nanoTime() - started;
                CentroidKernel.SCALAR.nearestTwo(rows, 0, 512, centres, 8, d, best, first, second);
                long scalarNanos = System.nanoTime() - started - vectorNanos;
                wins = 2 * vectorNanos <= scalarNanos ? wins + 1 : 0;
                // compiled alongside, not timed: one distance per row gains less than twice, and need not
                vector.squaredToOwn(rows, ids, 512, centres, best, d, first);
                vector.squaredTo(rows, ids, 512, centres, d, d, second);
            }
            warm = true;
            vectorWarm = true;
        }

        @Override
        public void nearestTwo(double[] rows, int fromRow, int toRow, double[] centres, int k, int d,
                               int[] best, double[] bestSquared, double[] secondSquared) {
            current(toRow - fromRow).nearestTwo(rows, fromRow, toRow, centres, k, d, best, bestSquared, secondSquared);
        }

        @Override
        public void nearestTwoOf(double[] rows, int[] rowIds, int count, double[] centres, int k, int d,
                                 int[] best, double[] bestSquared, double[] secondSquared) {
            current(count).nearestTwoOf(rows, rowIds, count, centres, k, d, best, bestSquared, secondSquared);
        }

        @Override
        public void squaredToOwn(double[] rows, int[] rowIds, int count, double[] centres, int[] labels, int d,
                                 double[] out) {
            current(count).squaredToOwn(rows, rowIds, count, centres, labels, d, out);
        }

        @Override
        public void squaredTo(double[] rows, int[] rowIds, int count, double[] point, int offset, int d,
                              double[] out) {
            current(count).squaredTo(rows, rowIds, count, point, offset, d, out);
        }

        @Override
        public String toString() {
            return vector.toString();
        }
    }
}
