package com.segments.engine.spark;

import com.segments.domain.engine.EngineRequest;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.DataSourceException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the training rows come from: a CSV or Parquet file or directory (a local path or any URI Spark reads, such
 * as {@code hdfs://} or {@code s3a://}), or a table over JDBC. The format is the file's extension, or for a local
 * directory the extension its data files share.
 */
final class SparkSource {

    enum Format { CSV, PARQUET, JDBC }

    private SparkSource() {
    }

    static Format format(EngineRequest request) {
        if (request.jdbcUrl() != null) {
            return Format.JDBC;
        }
        String name = request.source().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return Format.PARQUET;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        Path local = localPath(request.source());
        if (local != null && Files.isDirectory(local)) {
            List<Path> files = dataFiles(local);
            if (!files.isEmpty() && files.stream().allMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                return Format.PARQUET;
            }
            if (!files.isEmpty() && files.stream().allMatch(f -> f.getFileName().toString().contains(".csv"))) {
                return Format.CSV;
            }
        }
        throw new DataSourceException(request.source() + ": cannot tell CSV from Parquet; name a .csv or .parquet file, "
                + "or a directory of only .csv or only .parquet files");
    }

    /** Reads the source; CSV columns get their types from a pass over the data (Spark's schema inference). */
    static Dataset<Row> read(SparkSession spark, EngineRequest request) {
        Format format = format(request);
        Path local = localPath(request.source());
        if (format != Format.JDBC && local != null && !Files.exists(local)) {
            throw new DataSourceException(request.source() + ": no such file or directory");
        }
        try {
            return switch (format) {
                case PARQUET -> spark.read().parquet(request.source());
                case CSV -> spark.read().option("header", true).option("inferSchema", true)
                        .option("sep", String.valueOf(delimiter(request))).option("nullValue", "")
                        .option("nanValue", "NaN").option("mode", "FAILFAST").csv(request.source());
                case JDBC -> spark.read().format("jdbc").option("url", request.jdbcUrl())
                        .option("dbtable", request.source()).option("fetchsize", 10_000).load();
            };
        } catch (RuntimeException e) {
            throw new DataSourceException(request.source() + ": Spark cannot read it as " + format.name().toLowerCase(Locale.ROOT)
                    + ": " + firstLine(e), e);
        }
    }

    private static char delimiter(EngineRequest request) {
        if (request.delimiter() != null) {
            return request.delimiter();
        }
        if (request.spec().delimiter() != null) {
            return request.spec().delimiter();
        }
        return request.source().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    }

    /**
     * The source's fingerprint: the SHA-256 of a local file's bytes, or of a local directory's data files in name
     * order; a remote source (a URI this process cannot read) or a table is fingerprinted by its name only, and says so.
     */
    static DataFingerprint fingerprint(EngineRequest request, long rows) {
        Path local = request.jdbcUrl() == null ? localPath(request.source()) : null;
        String name = local == null ? request.source() : local.getFileName().toString();
        if (local == null) {
            return new DataFingerprint(name, rows, "not computed: " + (request.jdbcUrl() == null ? "remote source" : "database table"));
        }
        List<Path> files = Files.isDirectory(local) ? dataFiles(local) : List.of(local);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            return new DataFingerprint(name, rows, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local path a source names (a plain path or a {@code file:} URI), or null for another scheme. */
    static Path localPath(String source) {
        int colon = source.indexOf("://");
        if (colon < 0) {
            return Path.of(source);
        }
        return source.startsWith("file:") ? Path.of(URI.create(source)) : null;
    }

    /** A directory's data files, in name order: Spark's markers ({@code _SUCCESS}, {@code .crc}) are not data. */
    private static List<Path> dataFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return !n.startsWith("_") && !n.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
