package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CC GENERAL's k = 4 model (the log1p spec of examples/cc_general) scored three ways: by {@code segments score} on
 * the CSV file, by {@code segments score --in-database} on the same rows loaded into the database, and by the
 * statement {@code segments export-sql} prints, run as it is. Every one of the 8,950 customers gets the same segment
 * each way, and distances agree within 1e-9 relative. Each database runs it through a subclass.
 */
abstract class InDatabaseScoringContract {

    static final Path FEATURES = Path.of(System.getProperty("segments.examples.dir", "../examples"))
            .resolve("cc_general/features.yml");

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Cli cli;

    protected abstract TestDatabases.Database database(Path directory);

    /** The dialect export-sql writes for this database. */
    protected abstract String dialect();

    @BeforeEach
    void openDatabase() {
        database = database(work.resolve("db"));
        cli = Cli.on(database, work);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void ccGeneralScoredInsideTheDatabaseMatchesScoreOnTheFile() throws Exception {
        loadCcGeneral();
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--features", FEATURES.toString(),
                "--k", "4", "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path scores = work.resolve("scores.csv");
        Cli.Result scored = cli.run("score", "--data", Cli.CC_GENERAL.toString(), "--out", scores.toString());
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        Map<String, String[]> byFile = readScores(scores);
        assertThat(byFile).hasSize(8950);

        Cli.Result inDatabase = cli.run("score", "--in-database", "--table", "cc_customers", "--into", "cc_scores");
        assertThat(inDatabase.exitCode()).as(inDatabase.err()).isZero();
        assertThat(inDatabase.out()).contains("Scored 8,950 rows of cc_customers with model version 1 inside")
                .contains("chunk 1 of 1: 8,950 rows scored");
        int compared = compare(byFile, "SELECT id, segment, distance, confidence, outlier FROM cc_scores");
        assertThat(compared).isEqualTo(8950);

        Cli.Result exported = cli.run("export-sql", "--dialect", dialect(), "--table", "cc_customers");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        String statement = exported.out().strip();
        assertThat(statement).startsWith("WITH").endsWith(";").contains("LN(1 + v0)");
        assertThat(compare(byFile, statement.substring(0, statement.length() - 1))).isEqualTo(8950);
    }

    @Test
    void aModelWithoutCentresIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        loadCcGeneral();
        Path customers = work.resolve("customers.csv");
        assertThat(cli.run("generate", "--customers", "1500", "--out", customers.toString(), "--seed", "3").exitCode())
                .isZero();
        Cli.Result trained = cli.run("train", "--data", customers.toString(), "--algorithm", "hdbscan", "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Cli.Result exported = cli.run("export-sql", "--model", "1");
        assertThat(exported.exitCode()).isEqualTo(1);
        assertThat(exported.err()).startsWith("error: ").contains("approximate prediction").contains("HDBSCAN");
        Cli.Result scored = cli.run("score", "--in-database", "--model", "1", "--table", "cc_customers", "--into",
                "never_made");
        assertThat(scored.exitCode()).isEqualTo(1);
        assertThat(scored.err()).contains("HDBSCAN");
        assertThat(tableExists("never_made")).isFalse();
    }

    @Test
    void aMissingTableAndWrongOptionsAreRefusedInOneLine() throws Exception {
        loadCcGeneral();
        assertThat(cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--features", FEATURES.toString(), "--k", "3")
                .exitCode()).isZero();
        Cli.Result missing = cli.run("score", "--in-database", "--table", "no_such_table");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("table no_such_table does not exist");
        Cli.Result json = cli.run("score", "--in-database", "--table", "cc_customers", "--into", "crm_scores", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json().get("rows").asLong()).isEqualTo(8950);
        assertThat(json.json().get("into").asText()).isEqualTo("crm_scores");
        long sum = 0;
        for (var n : json.json().get("perSegment")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(8950);
        assertThat(json.err()).contains("chunk 1 of 1"); // progress stays off the JSON document
        Cli.Result stray = cli.run("score", "--data", Cli.CC_GENERAL.toString(), "--out", "x.csv", "--table", "t");
        assertThat(stray.exitCode()).isEqualTo(1);
        assertThat(stray.err()).contains("--table and --id go with --in-database");
        Cli.Result noTable = cli.run("score", "--in-database");
        assertThat(noTable.exitCode()).isEqualTo(1);
        assertThat(noTable.err()).contains("--in-database needs --table T");
        Cli.Result dialect = cli.run("export-sql", "--dialect", "oracle");
        assertThat(dialect.exitCode()).isEqualTo(1);
        assertThat(dialect.err()).contains("unknown SQL dialect 'oracle'").contains("duckdb");
        Cli.Result spark = cli.run("export-sql", "--dialect", "spark", "--table", "crm.cc_customers");
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.out()).contains("FROM `crm`.`cc_customers`").contains("LOG1P(").doesNotContain("OFFSET 0");
    }

    /** The CSV as a table whose columns keep the file's names (quoted), numbers as DOUBLE PRECISION. */
    private void loadCcGeneral() throws IOException, SQLException {
        try (Connection c = connect()) {
            CcGeneralTable.load(c, true);
        }
    }

    private static Map<String, String[]> readScores(Path file) throws IOException {
        Map<String, String[]> byId = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("CUST_ID,segment,distance,confidence,outlier");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            byId.put(cells[0], cells);
        }
        return byId;
    }

    /** Rows of {@code sql} (id, segment, distance, confidence, outlier) against the file's scores; returns how many. */
    private int compare(Map<String, String[]> byFile, String sql) throws SQLException {
        int compared = 0;
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] expected = byFile.get(rs.getString(1));
                assertThat(expected).as("id " + rs.getString(1)).isNotNull();
                assertThat(rs.getInt(2)).as("segment of " + expected[0]).isEqualTo(Integer.parseInt(expected[1]));
                double distance = Double.parseDouble(expected[2]);
                assertThat(Math.abs(rs.getDouble(3) - distance)).as("distance of " + expected[0])
                        .isLessThanOrEqualTo(1e-9 * Math.max(distance, 1e-6));
                assertThat(Math.abs(rs.getDouble(4) - Double.parseDouble(expected[3]))).as("confidence of " + expected[0])
                        .isLessThanOrEqualTo(1e-9);
                compared++;
            }
        }
        return compared;
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), name, null)) {
            return rs.next();
        }
    }

    private Connection connect() throws SQLException {
        Map<String, Object> db = database.properties();
        return DriverManager.getConnection((String) db.get("datasources.default.url"),
                (String) db.get("datasources.default.username"), (String) db.get("datasources.default.password"));
    }
}
