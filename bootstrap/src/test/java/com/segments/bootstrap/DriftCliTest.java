package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.segments.adapters.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code segments drift} on CC GENERAL: a model trained on the whole file, then three batches of 4,000 of its
 * customers: untouched, with one feature shifted by one standard deviation and another zeroed, and with one segment
 * over-sampled three times.
 */
class DriftCliTest {

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Cli cli;
    private List<String> header;
    private List<String[]> sample;

    @BeforeEach
    void setUp() throws IOException {
        database = TestDatabases.h2(work.resolve("db"));
        cli = Cli.on(database, work);
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "4");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        header = List.of(lines.getFirst().split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        Collections.shuffle(rows, new Random(3));
        sample = rows.subList(0, 4000);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Path write(String name, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header));
        rows.forEach(r -> lines.add(String.join(",", r)));
        return Files.write(work.resolve(name), lines);
    }

    private JsonNode drift(Path file) {
        Cli.Result result = cli.run("drift", "--data", file.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json();
    }

    private static List<String> fieldsAt(JsonNode report, String level) {
        return StreamSupport.stream(report.get("fields").spliterator(), false)
                .filter(f -> f.get("level").asText().equals(level)).map(f -> f.get("name").asText()).toList();
    }

    @Test
    void anUntouchedSampleIsStableAndNamedCausesAreExactlyTheChangedFeatures() throws IOException {
        JsonNode untouched = drift(write("untouched.csv", sample));
        assertThat(untouched.get("verdict").asText()).isEqualTo("stable");
        assertThat(untouched.get("reasons")).isEmpty();
        assertThat(fieldsAt(untouched, "stable")).hasSize(17);
        assertThat(untouched.get("sharePsi").asDouble()).isLessThan(0.01);

        int balance = header.indexOf("BALANCE");
        int trx = header.indexOf("PURCHASES_TRX");
        double sd = standardDeviation(balance);
        List<String[]> changed = new ArrayList<>();
        for (String[] row : sample) {
            String[] copy = row.clone();
            copy[balance] = Double.toString(Double.parseDouble(copy[balance]) + sd);
            copy[trx] = "0";
            changed.add(copy);
        }
        Path page = work.resolve("report/drift.html");
        Cli.Result withPage = cli.run("drift", "--data", write("shifted.csv", changed).toString(), "--json",
                "--report", page.toString());
        assertThat(withPage.exitCode()).as(withPage.err()).isZero();
        JsonNode shifted = withPage.json();
        String html = Files.readString(page);
        assertThat(html).contains("<strong style=\"color:#b22222\">drifted</strong>").contains("<h3>BALANCE</h3>")
                .contains("<h3>TENURE</h3>").contains("Installment Buyers").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("<script");
        assertThat(html.split("<svg", -1)).hasSize(18);
        JsonNode trxBins = shifted.get("fields").get(trx - 1);
        assertThat(trxBins.get("bins").get(0).asText()).startsWith("up to ");
        assertThat(trxBins.get("currentShares").get(0).asDouble()).isEqualTo(1.0);
        assertThat(shifted.get("verdict").asText()).isEqualTo("drifted");
        assertThat(fieldsAt(shifted, "drifted")).containsExactlyInAnyOrder("BALANCE", "PURCHASES_TRX");
        assertThat(fieldsAt(shifted, "watch")).isEmpty();
        JsonNode balanceDrift = shifted.get("fields").get(balance - 1);
        assertThat(balanceDrift.get("name").asText()).isEqualTo("BALANCE");
        assertThat(balanceDrift.get("wasserstein").asDouble()).isBetween(0.95, 1.05);
        assertThat(balanceDrift.get("pValue").asDouble()).isLessThan(1e-6);
        assertThat(shifted.get("reasons").get(0).asText()).matches("(PURCHASES_TRX|BALANCE): PSI .* \\(drifted\\).*");
        assertThat(shifted.get("reasons").get(1).asText()).matches("(PURCHASES_TRX|BALANCE): PSI .* \\(drifted\\).*");
    }

    @Test
    void aSegmentOverSampledThreeTimesIsTheFirstReason() throws IOException {
        Path untouched = write("untouched.csv", sample);
        Path scores = work.resolve("scores.csv");
        assertThat(cli.run("score", "--data", untouched.toString(), "--out", scores.toString()).exitCode()).isZero();
        JsonNode before = drift(untouched);
        int heavy = -1;
        for (JsonNode segment : before.get("segments")) {
            if (segment.get("name").asText().equals("Cash-Advance Heavy")) {
                heavy = segment.get("segment").asInt();
            }
        }
        assertThat(heavy).as("a segment named Cash-Advance Heavy").isNotNegative();
        Map<String, String> segmentOf = new HashMap<>();
        for (String line : Files.readAllLines(scores).subList(1, 4001)) {
            String[] cells = line.split(",");
            segmentOf.put(cells[0], cells[1]);
        }
        List<String[]> rows = new ArrayList<>();
        for (String[] row : sample) {
            rows.add(row);
            if (segmentOf.get(row[0]).equals(Integer.toString(heavy))) {
                rows.add(row);
                rows.add(row);
            }
        }
        JsonNode report = drift(write("oversampled.csv", rows));
        assertThat(report.get("verdict").asText()).isNotEqualTo("stable");
        assertThat(report.get("reasons").get(0).asText()).startsWith("Cash-Advance Heavy grew from ");
        assertThat(report.get("sharePsi").asDouble()).isGreaterThan(0.1);
        assertThat(report.get("segments").get(heavy).get("currentShare").asDouble())
                .isGreaterThan(2 * report.get("segments").get(heavy).get("referenceShare").asDouble());
        assertThat(fieldsAt(report, "drifted")).isEmpty();
    }

    @Test
    void aVersionWithoutAReferenceOrAMissingFileIsAClearError() {
        Cli.Result missing = cli.run("drift", "--data", work.resolve("nowhere.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere.csv");
        Cli.Result unknown = cli.run("drift", "--data", Cli.CC_GENERAL.toString(), "--model", "99");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("99");
    }

    private double standardDeviation(int column) throws IOException {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            double v = Double.parseDouble(line.split(",", -1)[column]);
            sum += v;
            squares += v * v;
            n++;
        }
        double mean = sum / n;
        return Math.sqrt((squares - n * mean * mean) / (n - 1));
    }
}
