package com.segments.benchmarks.choosek;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded data sets with a known number of groups, for judging how k is chosen: Gaussian blobs of unequal sizes
 * and spreads, 2 to 20 groups in 2 to 30 dimensions, every fourth set with 10% of its rows uniform noise over the
 * groups' bounding box. Centres are drawn until every pair is at least {@code separation} times the sum of the two
 * spreads apart, so the groups are really there (the true k is knowable), but some pairs sit close.
 *
 * <p>{@code java -cp benchmarks.jar com.segments.benchmarks.choosek.KnownGroups DIR [SETS]} writes
 * {@code DIR/set-NN.csv} (id, x1..xd) and {@code DIR/truth.csv} (set, k, dimensions, rows, noise, separation).
 */
public final class KnownGroups {

    /** Sets written when no count is given. */
    public static final int DEFAULT_SETS = 48;
    private static final int[] DIMENSIONS = {2, 3, 5, 8, 10, 15, 20, 30};
    private static final double NOISE_SHARE = 0.10;

    /**
     * @param rows       blob rows first, then noise rows
     * @param labels     the group of each row, -1 for noise
     * @param separation the smallest distance between two centres, over the sum of their spreads
     */
    public record DataSet(String name, int groups, int dimensions, double[][] rows, int[] labels, boolean noisy,
                          double separation) {
    }

    private KnownGroups() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: KnownGroups DIR [SETS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int sets = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SETS;
        try {
            Files.createDirectories(dir);
            try (Writer truth = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
                truth.write("set,k,dimensions,rows,noise,separation\n");
                for (int i = 0; i < sets; i++) {
                    DataSet set = generate(i);
                    write(dir.resolve(set.name() + ".csv"), set);
                    truth.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%.2f%n", set.name(), set.groups(),
                            set.dimensions(), set.rows().length, set.noisy(), set.separation()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Set number {@code index}: the same index always gives the same set. */
    public static DataSet generate(int index) {
        SplittableRandom random = new SplittableRandom(0x5E6_0000L + index);
        int groups = 2 + (index * 7) % 19;                      // 2..20, every value within 19 sets
        int d = DIMENSIONS[(index * 3) % DIMENSIONS.length];
        boolean noisy = index % 4 == 3;
        double separation = 2.0 + random.nextDouble() * 1.5;     // 2 to 3.5 spreads between the closest pair
        // At least 100 customers per group on average (the search range's own rule), within 500..3000 rows.
        int minRows = Math.max(500, 100 * (groups + 3));
        int blobRows = minRows + random.nextInt(Math.max(1, 3000 - minRows + 1));
        double[] spread = new double[groups];
        for (int g = 0; g < groups; g++) {
            spread[g] = 0.5 + random.nextDouble() * 1.5;          // spreads differ up to fourfold
        }
        int[] sizes = sizes(groups, blobRows, random);
        double[][] centres = centres(groups, d, spread, separation, random);
        int noiseRows = noisy ? (int) Math.round(blobRows * NOISE_SHARE / (1 - NOISE_SHARE)) : 0;
        double[][] rows = new double[blobRows + noiseRows][];
        int[] labels = new int[rows.length];
        int r = 0;
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < sizes[g]; i++, r++) {
                rows[r] = new double[d];
                for (int j = 0; j < d; j++) {
                    rows[r][j] = centres[g][j] + spread[g] * random.nextGaussian();
                }
                labels[r] = g;
            }
        }
        addNoise(rows, labels, blobRows, random);
        return new DataSet(String.format(Locale.ROOT, "set-%02d", index), groups, d, rows, labels, noisy, separation);
    }

    /** Group sizes proportional to weights between 1 and 5, so the largest group can be five times the smallest. */
    private static int[] sizes(int groups, int rows, SplittableRandom random) {
        double[] weight = new double[groups];
        double total = 0;
        for (int g = 0; g < groups; g++) {
            weight[g] = 1 + 4 * random.nextDouble();
            total += weight[g];
        }
        int[] sizes = new int[groups];
        int assigned = 0;
        for (int g = 0; g < groups; g++) {
            sizes[g] = Math.max(20, (int) Math.floor(rows * weight[g] / total));
            assigned += sizes[g];
        }
        sizes[0] += Math.max(0, rows - assigned);
        return sizes;
    }

    /**
     * Centres uniform in a cube, redrawn until every pair is far enough apart; the cube grows when a draw keeps
     * failing, so that 20 groups also fit in two dimensions.
     */
    private static double[][] centres(int groups, int d, double[] spread, double separation, SplittableRandom random) {
        double side = 10;
        List<double[]> placed = new ArrayList<>();
        int failures = 0;
        while (placed.size() < groups) {
            double[] candidate = new double[d];
            for (int j = 0; j < d; j++) {
                candidate[j] = random.nextDouble() * side;
            }
            int g = placed.size();
            boolean farEnough = true;
            for (int other = 0; other < g && farEnough; other++) {
                farEnough = distance(candidate, placed.get(other)) >= separation * (spread[g] + spread[other]);
            }
            if (farEnough) {
                placed.add(candidate);
                failures = 0;
            } else if (++failures > 200) {
                side *= 1.1;
                failures = 0;
            }
        }
        return placed.toArray(double[][]::new);
    }

    private static void addNoise(double[][] rows, int[] labels, int blobRows, SplittableRandom random) {
        int d = rows[0].length;
        double[] low = new double[d];
        double[] high = new double[d];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < blobRows; i++) {
            for (int j = 0; j < d; j++) {
                low[j] = Math.min(low[j], rows[i][j]);
                high[j] = Math.max(high[j], rows[i][j]);
            }
        }
        for (int i = blobRows; i < rows.length; i++) {
            rows[i] = new double[d];
            for (int j = 0; j < d; j++) {
                rows[i][j] = low[j] + random.nextDouble() * (high[j] - low[j]);
            }
            labels[i] = -1;
        }
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    private static void write(Path file, DataSet set) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("id");
            for (int j = 1; j <= set.dimensions(); j++) {
                header.append(",x").append(j);
            }
            out.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < set.rows().length; i++) {
                line.setLength(0);
                line.append('c').append(i + 1);
                for (double v : set.rows()[i]) {
                    line.append(',').append(String.format(Locale.ROOT, "%.5f", v));
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}
