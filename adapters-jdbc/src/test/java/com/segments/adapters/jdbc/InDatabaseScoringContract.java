package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.cluster.NearestExemplarRule;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.score.InDatabaseScoring;
import com.segments.domain.score.NotExpressibleException;
import com.segments.domain.score.ScoringDialect;
import com.segments.domain.table.DataSourceException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL statement of a model gives every row the answer the Java scorer gives it: the same segment, distances and
 * confidences within 1e-9 relative (the same operations in the same order; only ln(1 + x) stands for log1p), the
 * same outlier flag. Run on the generated table of {@link ScoringModels} in each database (a subclass each).
 */
abstract class InDatabaseScoringContract {

    static final double TOLERANCE = 1e-9;

    private TestDatabases.Database database;
    private ApplicationContext context;
    private InDatabaseScoring scoring;
    private DataSource dataSource;
    private ScoringModels.Rows rows;

    protected abstract TestDatabases.Database database();

    protected abstract ScoringDialect dialect();

    @BeforeEach
    void start() throws SQLException {
        database = database();
        context = ApplicationContext.run(database.properties());
        scoring = context.getBean(InDatabaseScoring.class);
        dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
        rows = ScoringModels.rows(5000, 11);
        try (Connection c = dataSource.getConnection()) {
            ScoringModels.store(c, "customers", rows);
        }
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    @Test
    void everyStepKindThenPrincipalComponentsScoresAsJavaDoes() throws SQLException {
        ModelVersion version = ScoringModels.model(rows, true, 5, 3);
        InDatabaseScoring.Report report = scoring.score(version, new InDatabaseScoring.Source("customers", null),
                "scores", 1_000_000, InDatabaseScoring.Progress.NONE);
        assertThat(report.rows()).isEqualTo(5000);
        assertThat(report.dialect()).isEqualTo(dialect());
        assertAgreesWithJava(version.model(), "scores", report);
    }

    @Test
    void everyStepKindWithoutProjectionScoresAsJavaDoesOverWidthsNotAMultipleOfFour() throws SQLException {
        ModelVersion version = ScoringModels.model(rows, false, 7, 5);
        assertThat(version.model().rule().dimensions() % 4).isNotZero();
        InDatabaseScoring.Report report = scoring.score(version, new InDatabaseScoring.Source("customers", "customer_id"),
                "scores", 1_000_000, InDatabaseScoring.Progress.NONE);
        assertAgreesWithJava(version.model(), "scores", report);
    }

    @Test
    void aWholeNumberIdIsScoredInChunksOfItsRangeInOneTransaction() throws SQLException {
        ModelVersion version = ScoringModels.model(rows, true, 3, 8);
        List<int[]> progress = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        InDatabaseScoring.Report report = scoring.score(version, new InDatabaseScoring.Source("customers", null),
                "scores", 1200, (done, chunks, rowsSoFar) -> {
                    progress.add(new int[] {done, chunks});
                    counts.add(rowsSoFar);
                });
        assertThat(report.chunks()).isEqualTo(5);
        assertThat(progress).extracting(p -> p[0]).containsExactly(1, 2, 3, 4, 5);
        assertThat(counts.getLast()).isEqualTo(5000);
        assertThat(counts).isSorted();
        assertAgreesWithJava(version.model(), "scores", report);
        assertThat(count("SELECT COUNT(DISTINCT id) FROM scores")).isEqualTo(5000);
    }

    @Test
    void aSecondRunAppendsItsOwnRowsToTheTarget() throws SQLException {
        ModelVersion version = ScoringModels.model(rows, true, 3, 8);
        scoring.score(version, new InDatabaseScoring.Source("customers", null), "scores", 2000, InDatabaseScoring.Progress.NONE);
        InDatabaseScoring.Report second = scoring.score(version, new InDatabaseScoring.Source("customers", null), "scores",
                2000, InDatabaseScoring.Progress.NONE);
        assertThat(count("SELECT COUNT(*) FROM scores")).isEqualTo(10_000);
        assertThat(java.util.Arrays.stream(second.perSegment()).sum()).isEqualTo(5000);
    }

    @Test
    void namesAreQuotedSoNoNameIsReadAsSql() throws SQLException {
        String hostile = "balance\"; DROP TABLE customers; --";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"odd table\" (\"Customer Id\" BIGINT, \"" + hostile.replace("\"", "\"\"")
                    + "\" DOUBLE PRECISION)");
            s.execute("INSERT INTO \"odd table\" VALUES (1, 10), (2, NULL), (3, 30)");
        }
        TrainedModel base = ScoringModels.model(rows, true, 3, 8).model();
        com.segments.domain.feature.FeatureSchema schema = new com.segments.domain.feature.FeatureSchema("Customer Id",
                List.of(hostile));
        TrainedModel odd = new TrainedModel("kmeans", base.parameters(), 1, schema,
                new com.segments.domain.feature.FittedPreprocessing(List.of(
                        new com.segments.domain.feature.Imputation(new double[] {20}))),
                new com.segments.domain.cluster.NearestCentroidRule(2, 1, new double[] {0, 25}, new double[] {5, 5}),
                List.of(base.segments().get(0), base.segments().get(1)), base.metrics(), base.fingerprint(), Map.of());
        InDatabaseScoring.Report report = scoring.score(new ModelVersion(2, java.time.Instant.EPOCH, "test", odd),
                new InDatabaseScoring.Source("odd table", null), "odd scores", 10, InDatabaseScoring.Progress.NONE);
        assertThat(report.perSegment()).containsExactly(1, 2);
        assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(5000);
        assertThat(count("SELECT COUNT(*) FROM \"odd scores\" WHERE segment = 1 AND distance = 5")).isEqualTo(2);
    }

    @Test
    void aMissingTableOrColumnIsRefusedByNameAndNothingIsCreated() throws SQLException {
        ModelVersion version = ScoringModels.model(rows, true, 3, 8);
        assertThatThrownBy(() -> scoring.score(version, new InDatabaseScoring.Source("no_such_table", null), "scores",
                1000, InDatabaseScoring.Progress.NONE))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("table no_such_table does not exist");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE partial AS SELECT customer_id, balance, purchases FROM customers");
        }
        assertThatThrownBy(() -> scoring.score(version, new InDatabaseScoring.Source("partial", null), "scores", 1000,
                InDatabaseScoring.Progress.NONE))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("has no column refunds, visits, tenure, city, tier, opened, which model version 7 reads");
        assertThatThrownBy(() -> scoring.score(version, new InDatabaseScoring.Source("customers", "cust_no"), "scores",
                1000, InDatabaseScoring.Progress.NONE))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("has no column cust_no (its id column)");
        assertThat(tableExists("scores")).isFalse();
    }

    @Test
    void aTargetWithoutTheScoreColumnsIsRefusedAndLeftAsItWas() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scores (id BIGINT, segment INTEGER)");
        }
        assertThatThrownBy(() -> scoring.score(ScoringModels.model(rows, true, 3, 8), new InDatabaseScoring.Source(
                "customers", null), "scores", 1000, InDatabaseScoring.Progress.NONE))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("table scores exists but has no column distance, confidence, outlier, version, scored_at");
        assertThat(count("SELECT COUNT(*) FROM scores")).isZero();
    }

    @Test
    void modelsWithoutCentresAreRefusedWithTheReason() {
        TrainedModel base = ScoringModels.model(rows, true, 2, 8).model();
        int d = base.rule().dimensions();
        TrainedModel exemplars = with(base, new NearestExemplarRule(2, d, new double[2 * d], new int[] {0, 1},
                new double[] {1, 1}), "tribuo-hdbscan");
        assertThatThrownBy(() -> scoring.statement(new ModelVersion(3, java.time.Instant.EPOCH, "test", exemplars),
                dialect(), new InDatabaseScoring.Source("customers", null)))
                .isInstanceOf(NotExpressibleException.class).hasMessageContaining("nearest exemplar")
                .hasMessageContaining("HDBSCAN");
        TrainedModel neighbours = with(base, NearestNeighbourRule.fromTraining(2, d, ones(2 * d), new int[] {0, 1}, 10, 1),
                "single-linkage");
        assertThatThrownBy(() -> scoring.score(new ModelVersion(4, java.time.Instant.EPOCH, "test", neighbours),
                new InDatabaseScoring.Source("customers", null), "scores", 1000, InDatabaseScoring.Progress.NONE))
                .isInstanceOf(NotExpressibleException.class).hasMessageContaining("nearest stored training rows");
        TrainedModel density = with(base, ModelFixtures.smallHdbscanRule(d), "hdbscan");
        assertThatThrownBy(() -> scoring.statement(new ModelVersion(5, java.time.Instant.EPOCH, "test", density),
                dialect(), new InDatabaseScoring.Source("customers", null)))
                .isInstanceOf(NotExpressibleException.class).hasMessageContaining("approximate prediction")
                .hasMessageContaining("segments score");
    }

    @Test
    void aModelWithoutIdColumnNeedsOneNamed() {
        TrainedModel base = ScoringModels.model(rows, true, 2, 8).model();
        TrainedModel noId = new TrainedModel(base.algorithm(), base.parameters(), base.seed(),
                new com.segments.domain.feature.FeatureSchema(null, base.schema().fields(), List.of()),
                base.preprocessing(), base.rule(), base.segments(), base.metrics(), base.fingerprint(), Map.of());
        assertThatThrownBy(() -> scoring.statement(new ModelVersion(3, java.time.Instant.EPOCH, "test", noId),
                dialect(), new InDatabaseScoring.Source("customers", null)))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("--id");
    }

    private static double[] ones(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, n / 2, n, 1.0);
        return values;
    }

    private static TrainedModel with(TrainedModel base, com.segments.domain.cluster.AssignmentRule rule, String algorithm) {
        return new TrainedModel(algorithm, base.parameters(), base.seed(), base.schema(), base.preprocessing(), rule,
                base.segments(), base.metrics(), base.fingerprint(), Map.of());
    }

    /** Every row's SQL answer against {@link TrainedModel#assignAll} on the same raw values. */
    private void assertAgreesWithJava(TrainedModel model, String target, InDatabaseScoring.Report report)
            throws SQLException {
        Assignments answers = model.assignAll(rows.raw(model.schema()));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.ids()[i], i);
        }
        long[] perSegment = new long[model.segmentCount()];
        int compared = 0;
        double worst = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, segment, distance, confidence, outlier, version FROM " + target)) {
            while (rs.next()) {
                int i = index.get(rs.getLong(1));
                String row = "row id " + rs.getLong(1);
                assertThat(rs.getInt(2)).as(row).isEqualTo(answers.segment(i));
                double distance = rs.getDouble(3);
                if (answers.distance(i) > 1e-6) {
                    worst = Math.max(worst, Math.abs(distance - answers.distance(i)) / answers.distance(i));
                }
                // relative, with a floor: a customer that is a centre has distance 0 in Java and ~1e-16 in SQL
                assertThat(distance).as(row).isCloseTo(answers.distance(i), org.assertj.core.data.Offset.offset(
                        TOLERANCE * Math.max(answers.distance(i), 1e-6)));
                assertThat(rs.getDouble(4)).as(row).isCloseTo(answers.confidence(i), org.assertj.core.data.Offset.offset(
                        TOLERANCE));
                double radius = ((com.segments.domain.cluster.NearestCentroidRule) model.rule()).outlierRadius()[answers.segment(i)];
                if (Math.abs(answers.distance(i) - radius) > TOLERANCE * radius) {
                    assertThat(rs.getBoolean(5)).as(row).isEqualTo(answers.outlier(i));
                }
                assertThat(rs.getInt(6)).isEqualTo(report.version());
                perSegment[answers.segment(i)]++;
                compared++;
            }
        }
        assertThat(compared).isEqualTo(rows.size());
        assertThat(report.perSegment()).containsExactly(perSegment);
        assertThat(java.util.Arrays.stream(perSegment).filter(n -> n > 0).count()).as("segments taken").isGreaterThan(1);
        System.out.printf("%s: %d rows agree, worst relative distance difference %.3g%n", dialect().id(), compared, worst);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), name, null)) {
            return rs.next();
        }
    }
}
