package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.segments.adapters.jdbc.TestDatabases;
import com.segments.domain.metric.AdjustedRandIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The CLI as a user drives it, from a fresh database: generate, train, list, score, and the ways a file can be
 * wrong. Each database runs the same tests through a subclass.
 */
abstract class EndToEndContract {

    @TempDir
    Path work;

    private TestDatabases.Database database;
    protected Cli cli;

    protected abstract TestDatabases.Database database(Path directory);

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
    void generatedSegmentsAreRecoveredAndScored() throws IOException {
        Path customers = work.resolve("customers.csv");
        Path truth = work.resolve("truth.csv");
        Cli.Result generated = cli.run("generate", "--customers", "3000", "--out", customers.toString(),
                "--truth", truth.toString(), "--seed", "5");
        assertThat(generated.exitCode()).as(generated.err()).isZero();

        Cli.Result trained = cli.run("train", "--data", customers.toString(), "--k", "4", "--seed", "1", "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode model = trained.json();
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("idColumn").asText()).isEqualTo("customer_id");
        assertThat(model.get("features")).hasSize(9);
        assertThat(model.get("segments")).hasSize(4);
        assertThat(model.get("silhouette").asDouble()).isBetween(0.3, 1.0);

        Path scores = work.resolve("scores.csv");
        Cli.Result scored = cli.run("score", "--data", customers.toString(), "--out", scores.toString(), "--json");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.json().get("rows").asLong()).isEqualTo(3000);

        List<String> scoreLines = Files.readAllLines(scores);
        List<String> truthLines = Files.readAllLines(truth);
        assertThat(scoreLines).hasSize(3001);
        assertThat(scoreLines.getFirst()).isEqualTo("customer_id,segment,distance,confidence,outlier");
        int[] predicted = scoreLines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[1])).toArray();
        int[] actual = truthLines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[1])).toArray();
        for (int i = 1; i <= 3000; i++) {
            assertThat(scoreLines.get(i).split(",")[0]).isEqualTo(truthLines.get(i).split(",")[0]);
        }
        assertThat(AdjustedRandIndex.of(predicted, actual)).isGreaterThan(0.9);
    }

    @Test
    void modelsListsVersionsWithTheActiveOneMarked() {
        Path data = Cli.CC_GENERAL;
        assertThat(cli.run("models", "--json").json()).isEmpty();
        assertThat(cli.run("train", "--data", data.toString(), "--k", "3", "--restarts", "2").exitCode()).isZero();
        assertThat(cli.run("train", "--data", data.toString(), "--k", "5", "--restarts", "2").exitCode()).isZero();

        JsonNode models = cli.run("models", "--json").json();

        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(models.get(0).get("k").asInt()).isEqualTo(5);
        assertThat(models.get(0).get("active").asBoolean()).isTrue();
        assertThat(models.get(1).get("active").asBoolean()).isFalse();
        assertThat(models.get(1).get("rows").asLong()).isEqualTo(8950);
        String table = cli.run("models").out();
        assertThat(table).contains("version").contains("kmeans").contains("CC_GENERAL.csv");
    }

    @Test
    void aRaggedRowIsNamedAndNothingIsStored() throws IOException {
        Path file = write("ragged.csv", "id,a,b,c\n1,1,2,3\n2,4,5\n3,7,8,9\n");
        Cli.Result result = cli.run("train", "--data", file.toString(), "--k", "2");
        assertOneLineError(result, "row 2 (line 3)", "column 'c' is missing");
        assertNothingStored();
    }

    @Test
    void aNonNumericCellIsNamedAndNothingIsStored() throws IOException {
        StringBuilder csv = new StringBuilder("id,spend,visits\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(i).append(',').append(i == 17 ? "12.5O" : Integer.toString(i * 10)).append(',').append(i).append('\n');
        }
        Path file = write("typo.csv", csv.toString());
        Cli.Result result = cli.run("train", "--data", file.toString(), "--k", "2");
        assertOneLineError(result, "row 17 (line 18)", "column 'spend'", "\"12.5O\" is not a number");
        assertNothingStored();
    }

    @Test
    void aFileWithoutNumericColumnsIsRefusedAndNothingIsStored() throws IOException {
        Path file = write("names.csv", "id,name,city\n1,Ann,Oslo\n2,Bob,Rome\n3,Cy,Lima\n");
        Cli.Result result = cli.run("train", "--data", file.toString());
        assertOneLineError(result, "no feature column among [id, name, city]");
        assertNothingStored();
    }

    /**
     * A transaction log from generation to customer_segment: profiles, training on the log, ingest into
     * fact_transactions, training on the stored rows, and scoring them.
     */
    @Test
    void aTransactionLogIsProfiledTrainedStoredAndScored() throws IOException {
        Path log = work.resolve("log.csv");
        Cli.Result generated = cli.run("generate", "--transactions", "30000", "--customers", "600", "--out", log.toString(),
                "--seed", "3");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("Wrote 30,000 transactions of 600 customers").contains("The Diner");

        Path profiles = work.resolve("profiles.csv");
        Cli.Result profiled = cli.run("profiles", "--transactions", log.toString(), "--out", profiles.toString(), "--json");
        assertThat(profiled.exitCode()).as(profiled.err()).isZero();
        JsonNode summary = profiled.json();
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(30_000);
        assertThat(summary.get("excluded").get("no customer id").asLong()).isPositive();
        long excluded = 0;
        for (JsonNode count : summary.get("excluded")) {
            excluded += count.asLong();
        }
        assertThat(summary.get("accepted").asLong() + excluded).isEqualTo(30_000);
        assertThat(Files.readAllLines(profiles).getFirst()).startsWith("customer_id,location,bank,frequency,monetary");

        Cli.Result trained = cli.run("train", "--transactions", log.toString(), "--k", "5", "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.json().get("groupColumns").toString()).isEqualTo("[\"location\",\"bank\"]");
        assertThat(trained.json().get("features").toString()).contains("share_Dining").doesNotContain("bank");

        Cli.Result scoredFile = cli.run("score", "--data", profiles.toString(), "--out", work.resolve("s.csv").toString());
        assertThat(scoredFile.exitCode()).as(scoredFile.err()).isZero();

        Cli.Result ingested = cli.run("ingest", "--transactions", log.toString());
        assertThat(ingested.exitCode()).as(ingested.err()).isZero();
        assertThat(ingested.out()).contains("Stored 30,000 transactions");

        Cli.Result retrained = cli.run("train", "--stored-transactions", "--k", "5", "--json");
        assertThat(retrained.exitCode()).as(retrained.err()).isZero();
        assertThat(retrained.json().get("rows").asLong()).isEqualTo(summary.get("customers").asLong());

        Cli.Result described = cli.run("describe");
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).contains("The Diner").contains("The Bill Payer").contains("offers:");
        Cli.Result renamed = cli.run("rename", "0", "Our First Segment", "--offer", "Call them");
        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(cli.run("describe", "--json").json().get("segments").get(0).get("name").asText()).isEqualTo("Our First Segment");
        Path html = work.resolve("groups.html");
        Cli.Result groups = cli.run("groups", "--by", "bank", "--transactions", log.toString(), "--report", html.toString());
        assertThat(groups.exitCode()).as(groups.err()).isZero();
        assertThat(groups.out()).contains("Segment mix by bank").contains("Findings:").contains("Bank C")
                .contains("Chi-square");
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<svg").contains("Bank B");
        Cli.Result noColumn = cli.run("groups", "--by", "branch", "--transactions", log.toString());
        assertOneLineError(noColumn, "has no column 'branch'");

        Cli.Result scored = cli.run("score", "--stored-transactions");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.out()).contains("Scored " + String.format(java.util.Locale.ROOT, "%,d", summary.get("customers").asLong())
                + " customers with model version 2");
    }

    @Test
    void aFeatureSpecIsAppliedAndABadOneIsNamed() throws IOException {
        Path spec = Path.of(System.getProperty("segments.examples.dir", "../examples"), "marketing_campaign/features.yml");
        Path data = Cli.SHARED.resolve("data/marketing_campaign/marketing_campaign.csv");
        Cli.Result trained = cli.run("train", "--data", data.toString(), "--features", spec.toString(), "--k", "3");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("Marital_Status").contains("3 value(s) outside [1920, inf] read as missing")
                .contains("constant (\"3\" in every row)");

        Path bad = write("bad.yml", "columns:\n  Income: {role: numeric, tranform: log1p}\n");
        Cli.Result refused = cli.run("train", "--data", data.toString(), "--features", bad.toString());
        assertOneLineError(refused, "bad.yml", "columns.Income: unknown key 'tranform'");
    }

    @Test
    void aMissingFileIsNamed() {
        Cli.Result result = cli.run("train", "--data", work.resolve("nope.csv").toString());
        assertOneLineError(result, "nope.csv", "no such file");
    }

    @Test
    void scoringBeforeAnyTrainingSaysHowToTrain() throws IOException {
        Path file = write("few.csv", "id,a\n1,1\n2,2\n");
        Cli.Result result = cli.run("score", "--data", file.toString(), "--out", work.resolve("o.csv").toString());
        assertOneLineError(result, "no model is active", "segments train");
        assertThat(work.resolve("o.csv")).doesNotExist();
    }

    @Test
    void scoringABadRowLeavesNoPartialOutput() throws IOException {
        assertThat(cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "2", "--restarts", "1").exitCode()).isZero();
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String broken = lines.get(5).replaceFirst(",[^,]+,", ",lots,");
        lines.set(5, broken);
        Path file = work.resolve("broken.csv");
        Files.write(file, lines);
        Path out = work.resolve("scores.csv");

        Cli.Result result = cli.run("score", "--data", file.toString(), "--out", out.toString());

        assertOneLineError(result, "row 5 (line 6)", "column 'BALANCE'", "\"lots\" is not a number");
        assertThat(out).doesNotExist();
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void scoringWithAnUnknownVersionIsRefused() throws IOException {
        Path file = write("few.csv", "id,a\n1,1\n2,2\n");
        Cli.Result result = cli.run("score", "--data", file.toString(), "--out", work.resolve("o.csv").toString(),
                "--model", "7");
        assertOneLineError(result, "model version 7 does not exist");
    }

    @Test
    void aWrongCommandLinePrintsUsageAndExitsWithTwo() {
        Cli.Result result = cli.run("train", "--k", "3");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required argument").contains("--data=FILE.csv")
                .contains("--transactions=FILE.csv").contains("Usage: segments train");
    }

    private void assertOneLineError(Cli.Result result, String... fragments) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ");
        for (String fragment : fragments) {
            assertThat(result.err()).contains(fragment);
        }
    }

    private void assertNothingStored() {
        assertThat(cli.run("models", "--json").json()).isEmpty();
    }

    /** A customer table of the database trains as its CSV file does: the same rows, the same fit. */
    @Test
    void aCustomerTableOfTheDatabaseTrainsLikeItsFile() throws Exception {
        Map<String, Object> db = database.properties();
        try (Connection c = DriverManager.getConnection((String) db.get("datasources.default.url"),
                (String) db.get("datasources.default.username"), (String) db.get("datasources.default.password"))) {
            CcGeneralTable.load(c, false);
        }
        Cli.Result fromTable = cli.run("train", "--table", "cc_customers", "--k", "4", "--json");
        Cli.Result fromFile = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "4", "--json");
        assertThat(fromTable.exitCode()).as(fromTable.err()).isZero();
        assertThat(fromTable.json().get("rows").asInt()).isEqualTo(8950);
        assertThat(fromTable.json().get("source").asText()).isEqualTo("table cc_customers");
        assertThat(fromTable.json().get("inertia").asDouble())
                .isCloseTo(fromFile.json().get("inertia").asDouble(), withPercentage(1e-7));
    }

    private Path write(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
