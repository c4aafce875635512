package com.segments.benchmarks;

import com.segments.algorithms.kmeans.FastestCentroidKernel;
import com.segments.algorithms.kmeans.KMeansAlgorithm;
import com.segments.domain.cluster.CentroidDistances;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.DataMatrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Our side of {@code benchmarks/scripts/kmeans-blobs-vs-sklearn.sh}: each command prints one JSON line, and
 * {@code sklearn_kmeans_bench.py} answers the same command on the same file, so the script prints ratios measured
 * in one run. Data files are raw little-endian float64, row-major, {@value FitBenchmark#FEATURES} columns.
 *
 * <pre>
 * blobs ROWS SEED FILE             write FitBenchmark's 8-segment mixture
 * fit FILE K RESTARTS SEED [SAMPLE] best of RESTARTS k-means++ starts (after one warm-up fit): seconds, inertia
 * from-init FILE K [MAX_ITER]      Lloyd from the first K rows, tolerance 0, at most MAX_ITER (300): seconds per iteration
 * singles FILE K SEEDS             inertia of one start for each seed 0 .. SEEDS-1
 * score FILE K                     fit, then score every row (best of 5): seconds
 * </pre>
 */
public final class KMeansSideBySide {

    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    private KMeansSideBySide() {
    }

    public static void main(String[] args) throws IOException {
        CentroidDistances.useKernel(FastestCentroidKernel.chosen()); // as the composition root does for scoring
        switch (args[0]) {
            case "blobs" -> write(FitBenchmark.mixture(Integer.parseInt(args[1]), Long.parseLong(args[2])), Path.of(args[3]));
            case "fit" -> timeFit(read(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Long.parseLong(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 0);
            case "from-init" -> fromInit(read(Path.of(args[1])), Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 300);
            case "singles" -> singles(read(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "score" -> score(read(Path.of(args[1])), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static ClusteringResult fit(DataMatrix data, int k, int restarts, long seed, int sampleRows) {
        return KMEANS.fit(data, KMEANS.descriptor().resolve(Map.of("k", k, "restarts", restarts, "sampleRows", sampleRows)), seed);
    }

    private static void timeFit(DataMatrix data, int k, int restarts, long seed, int sampleRows) {
        fit(data.selectRows(java.util.stream.IntStream.range(0, Math.min(data.rows(), 50_000)).toArray()), k, 1, seed, 0);
        long started = System.nanoTime();
        ClusteringResult result = fit(data, k, restarts, seed, sampleRows);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"seconds\": %.6f, \"inertia\": %.10g, \"iterations\": %s, \"sampled\": %s}%n",
                seconds, result.inertia(), result.diagnostics().get("iterations"), result.diagnostics().get("sampled"));
    }

    private static void fromInit(DataMatrix data, int k, int maxIterations) {
        double[] initial = Arrays.copyOf(data.rowMajorView(), k * data.columns());
        KMEANS.runFrom(data.selectRows(java.util.stream.IntStream.range(0, 50_000).toArray()), initial, maxIterations, 0);
        long started = System.nanoTime();
        KMeansAlgorithm.FixedStart run = KMEANS.runFrom(data, initial, maxIterations, 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"seconds\": %.6f, \"iterations\": %d, \"per_iteration\": %.6f, \"inertia\": %.10g}%n",
                seconds, run.iterations(), seconds / run.iterations(), run.inertia());
    }

    private static void singles(DataMatrix data, int k, int seeds) {
        double[] inertias = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            inertias[seed] = fit(data, k, 1, seed, 0).inertia();
        }
        System.out.println("{\"inertias\": " + Arrays.toString(inertias) + "}");
    }

    private static void score(DataMatrix data, int k) {
        NearestCentroidRule rule = (NearestCentroidRule) fit(data, k, 1, 0, 0).rule();
        double best = Double.POSITIVE_INFINITY;
        Assignments scored = null;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            scored = rule.assignAll(data.rowMajorView());
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "{\"seconds\": %.6f, \"rows\": %d}%n", best, scored.size());
    }

    private static void write(DataMatrix data, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(data.rows() * data.columns() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(data.rowMajorView());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
    }

    private static DataMatrix read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) in.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                continue;
            }
            buffer.flip();
            double[] values = new double[buffer.remaining() / Double.BYTES];
            buffer.asDoubleBuffer().get(values);
            return DataMatrix.wrap(values.length / FitBenchmark.FEATURES, FitBenchmark.FEATURES, values);
        }
    }
}
