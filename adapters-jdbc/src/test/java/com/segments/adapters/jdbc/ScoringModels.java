package com.segments.adapters.jdbc;

import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Models with every kind of fitted step (plausible ranges, derived formulas with division by zero, median and
 * constant imputation, clipping, signed log1p, one-hot with aliases and missing spellings, an ordinal category, a
 * date, standard / robust / min-max / no scaling, PCA) over a generated customer table, and the raw vectors the Java
 * scorer reads from the same rows.
 */
final class ScoringModels {

    static final String[] CITY_SPELLINGS = {" Paris ", "PARIS", "lyon", "Lyon\t", "Nice", "marseille", "Marseille ",
            "unknown-city", "Berlin", "NA", "n/a", "", "  ", "null", "New   York", "new york"};
    static final String[] TIER_SPELLINGS = {"low", "MID", " high", "gold", "NA", "-"};

    /** The raw fields: five numbers, a one-hot city, an ordinal tier, a date. */
    static FeatureSchema schema() {
        return new FeatureSchema("customer_id", List.of(Field.number("balance"), Field.number("purchases"),
                Field.number("refunds"), Field.number("visits"), Field.number("tenure"),
                Field.category("city", List.of("Paris", "Lyon", "Nice", "New York"),
                        Map.of("marseille", "nice", "unknown-city", ""), false),
                Field.category("tier", List.of("low", "mid", "high"), Map.of(), true),
                Field.date("opened", "yyyy-MM-dd")), List.of());
    }

    /** Generated rows: id, five numbers (some missing, NaN, out of range, negative), city, tier, opened. */
    record Rows(long[] ids, double[][] numbers, String[] cities, String[] tiers, LocalDate[] opened) {
        int size() {
            return ids.length;
        }

        /** The raw vectors the Java scorer reads, row-major. */
        double[] raw(FeatureSchema schema) {
            int w = schema.size();
            double[] raw = new double[size() * w];
            for (int i = 0; i < size(); i++) {
                for (int j = 0; j < 5; j++) {
                    raw[i * w + j] = numbers[i][j];
                }
                raw[i * w + 5] = schema.fields().get(5).code(cities[i]);
                raw[i * w + 6] = schema.fields().get(6).code(tiers[i]);
                raw[i * w + 7] = opened[i] == null ? Double.NaN : opened[i].toEpochDay();
            }
            return raw;
        }
    }

    static Rows rows(int n, long seed) {
        Random random = new Random(seed);
        long[] ids = new long[n];
        double[][] numbers = new double[n][5];
        String[] cities = new String[n];
        String[] tiers = new String[n];
        LocalDate[] opened = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + 3L * i;
            int group = random.nextInt(4);
            numbers[i][0] = Math.exp(5 + group + random.nextGaussian());            // balance, heavy tail
            numbers[i][1] = group * 300 + random.nextGaussian() * 120;              // purchases, some negative
            numbers[i][2] = random.nextDouble() < 0.2 ? 0 : random.nextDouble() * 50; // refunds, zeros (division)
            numbers[i][3] = Math.floor(random.nextDouble() * 40 * (group + 1));     // visits
            numbers[i][4] = 1 + random.nextInt(12);                                 // tenure
            if (random.nextDouble() < 0.05) {
                numbers[i][random.nextInt(5)] = Double.NaN;                         // missing
            }
            if (random.nextDouble() < 0.02) {
                numbers[i][4] = 99;                                                 // outside tenure's valid range
            }
            cities[i] = random.nextDouble() < 0.03 ? null : CITY_SPELLINGS[random.nextInt(CITY_SPELLINGS.length)];
            tiers[i] = random.nextDouble() < 0.03 ? null : TIER_SPELLINGS[random.nextInt(TIER_SPELLINGS.length)];
            opened[i] = random.nextDouble() < 0.03 ? null : LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000));
        }
        return new Rows(ids, numbers, cities, tiers, opened);
    }

    /** Stores the rows as table {@code name}; a NaN number is stored as NULL or as the float NaN, alternately. */
    static void store(Connection c, String name, Rows rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (customer_id BIGINT, balance DOUBLE PRECISION, purchases DOUBLE PRECISION, "
                    + "refunds DOUBLE PRECISION, visits INTEGER, tenure NUMERIC(6, 0), city VARCHAR(40), tier VARCHAR(10), "
                    + "opened DATE)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + name + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int nanCount = 0;
            for (int i = 0; i < rows.size(); i++) {
                insert.setLong(1, rows.ids()[i]);
                for (int j = 0; j < 5; j++) {
                    double v = rows.numbers()[i][j];
                    if (Double.isNaN(v) && (j >= 3 || nanCount++ % 2 == 0)) {
                        insert.setNull(j + 2, Types.DOUBLE);
                    } else if (j == 3) {
                        insert.setInt(j + 2, (int) v);
                    } else if (j == 4) {
                        insert.setBigDecimal(j + 2, java.math.BigDecimal.valueOf((long) v));
                    } else {
                        insert.setDouble(j + 2, v);
                    }
                }
                insert.setString(7, rows.cities()[i]);
                insert.setString(8, rows.tiers()[i]);
                insert.setDate(9, rows.opened()[i] == null ? null : Date.valueOf(rows.opened()[i]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * A model whose steps are fitted by hand on {@code rows}: each step's numbers come from the data it sees, so
     * every branch (clipped, imputed, out of range, divided by zero, each bucket) is taken by some row.
     */
    static ModelVersion model(Rows rows, boolean pca, int k, long seed) {
        FeatureSchema schema = schema();
        List<String> names = schema.features();
        double inf = Double.POSITIVE_INFINITY;
        List<FittedStep> steps = new ArrayList<>();
        steps.add(new ValidRange(new double[] {-inf, -1e6, 0, 0, 1, -inf, -inf, -inf},
                new double[] {inf, 1e6, inf, inf, 12, inf, inf, inf}));
        steps.add(new DerivedColumns(names, List.of(
                new DerivedColumns.Derived("per_visit", "purchases / visits", -1.5),
                new DerivedColumns.Derived("mix", "(balance - 2 * refunds) / (tenure - 6) + -purchases * 0.001", 0),
                new DerivedColumns.Derived("refund_share", "refunds / (purchases + refunds)", 0.25))));
        // 11 columns now; the one-hot city (5) is filled with 0 (never missing), the ordinal tier with 1
        steps.add(new Imputation(new double[] {700.5, 450, 12.25, 40, 7, 0, 1, 18500, 3.5, 0.1, 0.2}));
        steps.add(new Clipping(new double[] {-inf, -200, -inf, 0, -inf, -inf, -inf, 16800, -20, -50, -1},
                new double[] {5e4, 1200, 45.5, inf, inf, inf, inf, 19000, 20, inf, 1}));
        steps.add(new Log1p(new boolean[] {true, true, true, true, false, false, false, false, true, true, false}));
        OneHotEncoding oneHot = new OneHotEncoding(new int[] {0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0});
        steps.add(oneHot);
        int width = oneHot.outputWidth(); // 15
        FittedPreprocessing upToScaling = new FittedPreprocessing(steps);
        double[] scaled = transform(upToScaling, rows.raw(schema), schema.size(), width);
        steps.add(scaling(scaled, width));
        if (pca) {
            steps.add(principalComponents(width, 4, seed));
        }
        FittedPreprocessing preprocessing = new FittedPreprocessing(steps);
        int d = preprocessing.outputWidth();
        double[] x = transform(preprocessing, rows.raw(schema), schema.size(), d);
        Random random = new Random(seed);
        double[] centroids = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(x, random.nextInt(rows.size()) * d, centroids, c * d, d);
        }
        NearestCentroidRule rule = NearestCentroidRule.fromCentroids(k, d, centroids, x);
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            segments.add(new Segment(c, 1, 1.0 / k, rule.centroid(c), new double[11]));
        }
        TrainedModel model = new TrainedModel("kmeans", new AlgorithmParameters(Map.of("k", k)), seed, schema,
                preprocessing, rule, segments, new ModelMetrics(1, 0.5, rows.size(), Double.NaN, Double.NaN, Double.NaN),
                new DataFingerprint("generated", rows.size(), "ab".repeat(32)), Map.of());
        return new ModelVersion(7, Instant.parse("2026-01-01T00:00:00Z"), "test", model);
    }

    /** Standard scaling on most columns, robust-like and min-max-like numbers on two, none on the one-hot ones. */
    private static Standardisation scaling(double[] x, int width) {
        Standardisation standard = Standardisation.fit(com.segments.domain.feature.DataMatrix.wrap(x.length / width, width, x));
        double[] centre = standard.means();
        double[] scale = standard.scales();
        for (int j = 5; j < 10; j++) {
            centre[j] = 0;
            scale[j] = 1;
        }
        centre[10] = -3.25;
        scale[10] = 7.5;
        return new Standardisation(centre, scale);
    }

    /** Orthonormal-ish loadings from a seeded random matrix (Gram-Schmidt): what matters is the arithmetic. */
    private static PrincipalComponents principalComponents(int width, int keep, long seed) {
        Random random = new Random(seed + 1);
        double[] mean = new double[width];
        double[] components = new double[keep * width];
        for (int j = 0; j < width; j++) {
            mean[j] = random.nextGaussian() * 0.01;
        }
        for (int p = 0; p < keep; p++) {
            double[] v = new double[width];
            for (int j = 0; j < width; j++) {
                v[j] = random.nextGaussian();
            }
            for (int q = 0; q < p; q++) {
                double dot = 0;
                for (int j = 0; j < width; j++) {
                    dot += v[j] * components[q * width + j];
                }
                for (int j = 0; j < width; j++) {
                    v[j] -= dot * components[q * width + j];
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            for (int j = 0; j < width; j++) {
                components[p * width + j] = v[j] / Math.sqrt(norm);
            }
        }
        double[] explained = new double[keep];
        for (int p = 0; p < keep; p++) {
            explained[p] = 0.4 / (p + 1);
        }
        return new PrincipalComponents(mean, components, explained);
    }

    private static double[] transform(FittedPreprocessing preprocessing, double[] raw, int in, int out) {
        int n = raw.length / in;
        double[] x = new double[n * out];
        for (int i = 0; i < n; i++) {
            double[] row = java.util.Arrays.copyOfRange(raw, i * in, (i + 1) * in);
            System.arraycopy(preprocessing.transformInPlace(row), 0, x, i * out, out);
        }
        return x;
    }

    private ScoringModels() {
    }
}
