package com.segments.adapters.jdbc;

import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.score.ScoringDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement of one small model (a number through log1p, a one-hot category, a date, scaling, two centres) in
 * each dialect, pinned as golden text. PostgreSQL and H2 statements are also run by the contract tests; Spark SQL
 * and DuckDB have no engine in this build, so their text is checked here only: quoting, the double type, log1p,
 * the day number and the regular expression flag each engine spells its own way. A change to the text shows as a
 * diff against src/test/resources/scoring-sql/ (the actual text is written to target/scoring-sql/).
 */
class ScoringSqlDialectsTest {

    static TrainedModel small() {
        FeatureSchema schema = new FeatureSchema("customer_id", List.of(Field.number("amount"),
                Field.category("tier", List.of("gold", "silver", "o'brien\\club"), Map.of("platinum", "gold"), false),
                Field.date("opened", "yyyy-MM-dd")), List.of());
        FittedPreprocessing preprocessing = new FittedPreprocessing(List.of(
                new Imputation(new double[] {12.5, 0, 18000}),
                new Log1p(new boolean[] {true, false, false}),
                new OneHotEncoding(new int[] {0, 4, 0}),
                new Standardisation(new double[] {2.25, 0, 0, 0, 0, 18250.5}, new double[] {0.1, 1, 1, 1, 1, 365.25})));
        NearestCentroidRule rule = new NearestCentroidRule(2, 6, new double[] {-1, 1, 0, 0, 0, 0.5, 1, 0, 1, 0, 0, -0.5},
                new double[] {2.5, 3});
        List<Segment> segments = List.of(new Segment(0, 1, 0.5, rule.centroid(0), new double[3]),
                new Segment(1, 1, 0.5, rule.centroid(1), new double[3]));
        return new TrainedModel("kmeans", new AlgorithmParameters(Map.of("k", 2)), 1, schema, preprocessing, rule,
                segments, new ModelMetrics(1, 0.5, 2, Double.NaN, Double.NaN, Double.NaN),
                new DataFingerprint("small", 2, "ab".repeat(32)), Map.of());
    }

    @ParameterizedTest
    @EnumSource(ScoringDialect.class)
    void theSmallModelReadsAsPinned(ScoringDialect dialect) throws IOException {
        ScoringSql sql = new ScoringSql(dialect);
        String actual = sql.select(small(), 3, sql.quoteTable("crm.customers"), "customer_id", name -> name, null, null);
        Path written = Path.of("target/scoring-sql/" + dialect.id() + ".sql");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        try (InputStream golden = ScoringSqlDialectsTest.class.getResourceAsStream("/scoring-sql/" + dialect.id() + ".sql")) {
            assertThat(golden).as("golden file for " + dialect.id()).isNotNull();
            assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(ScoringDialect.class)
    void eachDialectSpellsWhatDiffers(ScoringDialect dialect) {
        ScoringSql sql = new ScoringSql(dialect);
        String text = sql.select(small(), 3, sql.quoteTable("crm.customers"), "customer_id", name -> name, null, null);
        switch (dialect) {
            case SPARK -> assertThat(text).contains("= 'o\\'brien\\\\club' THEN").contains("FROM `crm`.`customers`", "CAST('12.5' AS DOUBLE)", "LOG1P(v0)",
                    "DATEDIFF(CAST(`opened` AS DATE), DATE '1970-01-01')", "CAST(`tier` AS STRING)", "'\\\\s+'").doesNotContain("\"", "OFFSET");
            case DUCKDB -> assertThat(text).contains("= 'o''brien\\club' THEN").contains("FROM \"crm\".\"customers\"", "CAST('12.5' AS DOUBLE)", "LN(1 + v0)",
                    "DATE_DIFF('day', DATE '1970-01-01', CAST(\"opened\" AS DATE))", "' ', 'g')").doesNotContain("OFFSET");
            case POSTGRESQL -> assertThat(text).contains("CAST('12.5' AS DOUBLE PRECISION)", "LN(1 + v0)",
                    "(CAST(\"opened\" AS DATE) - DATE '1970-01-01')", "' ', 'g')", " OFFSET 0");
            case H2 -> assertThat(text).contains("CAST('12.5' AS DOUBLE PRECISION)", "LN(1 + v0)",
                    "DATEDIFF(DAY, DATE '1970-01-01', CAST(\"opened\" AS DATE))").doesNotContain("'g'", "OFFSET");
        }
    }

    @ParameterizedTest
    @EnumSource(ScoringDialect.class)
    void aQuoteInANameIsDoubledNeverClosed(ScoringDialect dialect) {
        ScoringSql sql = new ScoringSql(dialect);
        char q = dialect == ScoringDialect.SPARK ? '`' : '"';
        assertThat(sql.quote("a" + q + "; DROP TABLE t; --")).isEqualTo(q + "a" + q + q + "; DROP TABLE t; --" + q);
        assertThat(sql.quoteTable("crm.customers")).isEqualTo(q + "crm" + q + "." + q + "customers" + q);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.quote("bad\u0000name"))
                .hasMessageContaining("control character at position 4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.quoteTable("a.b.c"))
                .hasMessageContaining("'a.b.c' is not a table name");
    }

    @org.junit.jupiter.api.Test
    void literalsReadBackToTheSameBits() {
        ScoringSql sql = new ScoringSql(ScoringDialect.POSTGRESQL);
        for (double v : new double[] {0.1, 1e-300, -0.0, 123456789.123456789, Math.PI, Double.MIN_VALUE, 1e22}) {
            String text = sql.literal(v);
            String inner = text.substring(text.indexOf('\'') + 1, text.lastIndexOf('\''));
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(inner))).as(text).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }
}
