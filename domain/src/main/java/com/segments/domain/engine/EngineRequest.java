package com.segments.domain.engine;

import com.segments.domain.feature.FeatureSpec;

import java.util.Objects;

/**
 * What to train on an engine.
 *
 * @param source        where the data is: a CSV or Parquet file or directory (a path or a URI the engine reads,
 *                      e.g. {@code hdfs://...}), or a JDBC table when {@code jdbcUrl} is set
 * @param jdbcUrl       a JDBC URL to read {@code source} as a table from, or null for a file
 * @param delimiter     the CSV field separator, or null for the spec's or a comma
 * @param spec          how columns are read ({@link FeatureSpec#INFER}: every numeric column but the id)
 * @param master        where the engine runs (Spark: {@code local[*]}, {@code spark://HOST:PORT}, ...), or null for
 *                      the engine's default
 * @param algorithm     the engine's algorithm: {@code kmeans} or {@code bisecting-kmeans}
 * @param k             number of segments
 * @param maxIterations iterations at most
 * @param seed          seed of every random choice (initialisation, samples)
 * @param sampleRows    rows brought back as a sample (silhouette, drift reference, alignment)
 * @param assignmentsOut where the engine writes every training row's id, segment and distance as it assigned them
 *                      (a directory of CSV files, written where the engine runs), or null for nowhere
 */
public record EngineRequest(String source, String jdbcUrl, Character delimiter, FeatureSpec spec, String master,
                            String algorithm, int k, int maxIterations, long seed, int sampleRows,
                            String assignmentsOut) {

    public static final String KMEANS = "kmeans";
    public static final String BISECTING_KMEANS = "bisecting-kmeans";
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final int DEFAULT_SAMPLE_ROWS = 100_000;

    public EngineRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.equals(KMEANS) && !algorithm.equals(BISECTING_KMEANS)) {
            throw new IllegalArgumentException("engine algorithm must be " + KMEANS + " or " + BISECTING_KMEANS
                    + ", not '" + algorithm + "'");
        }
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (sampleRows < 100) {
            throw new IllegalArgumentException("sampleRows must be at least 100, got " + sampleRows);
        }
    }
}
