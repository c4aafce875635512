package com.segments.benchmarks;

import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Our HDBSCAN's side of benchmarks/scripts/hdbscan-vs-sklearn.sh: writes blobs with uniform noise as little-endian
 * doubles (rows x 8) and fits them, printing one JSON line (seconds, clusters, noise) and writing the labels as
 * little-endian ints beside the data for the script's ARI.
 *
 * <pre>
 * java -cp benchmarks.jar com.segments.benchmarks.HdbscanSideBySide blobs ROWS SEED FILE
 * java -cp benchmarks.jar com.segments.benchmarks.HdbscanSideBySide fit FILE MIN_CLUSTER_SIZE LABELS_FILE
 * </pre>
 */
public final class HdbscanSideBySide {

    static final int FEATURES = 8;
    static final int BLOBS = 8;

    private HdbscanSideBySide() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "blobs" -> write(blobs(Integer.parseInt(args[1]), Long.parseLong(args[2])), Path.of(args[3]));
            case "fit" -> fit(read(Path.of(args[1])), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0] + "; use blobs or fit");
        }
    }

    /** 8 Gaussian blobs (sd 1, centres uniform in [-10, 10]^8) and 20% of the rows uniform over [-12, 12]^8. */
    static double[] blobs(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[BLOBS][FEATURES];
        for (double[] centre : centres) {
            for (int j = 0; j < FEATURES; j++) {
                centre[j] = random.nextDouble(-10, 10);
            }
        }
        double[] out = new double[rows * FEATURES];
        for (int i = 0; i < rows; i++) {
            boolean noise = i % 5 == 4;
            for (int j = 0; j < FEATURES; j++) {
                out[i * FEATURES + j] = noise ? random.nextDouble(-12, 12) : centres[i % BLOBS][j] + random.nextGaussian();
            }
        }
        return out;
    }

    private static void fit(double[] rows, int minClusterSize, Path labelsFile) throws IOException {
        DataMatrix data = DataMatrix.wrap(rows.length / FEATURES, FEATURES, rows);
        HdbscanAlgorithm hdbscan = new HdbscanAlgorithm();
        long started = System.nanoTime();
        ClusteringResult result = hdbscan.fit(data, hdbscan.descriptor().resolve(Map.of("minClusterSize", minClusterSize)), 0L);
        double seconds = (System.nanoTime() - started) / 1e9;
        int[] labels = result.labels();
        long noise = java.util.Arrays.stream(labels).filter(l -> l == Assignment.NOISE).count();
        ByteBuffer buffer = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(labels);
        Files.write(labelsFile, buffer.array());
        System.out.printf(Locale.ROOT, "{\"seconds\": %.3f, \"clusters\": %d, \"noise\": %.4f}%n", seconds,
                result.rule().segmentCount(), (double) noise / labels.length);
    }

    private static void write(double[] rows, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(rows);
        Files.write(file, buffer.array());
    }

    private static double[] read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] rows = new double[buffer.remaining() / 8];
        buffer.asDoubleBuffer().get(rows);
        return rows;
    }
}
