package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One parser, one verdict: the same cell spellings go through every door that reads a customer's value (training,
 * {@code score}, {@code groups}, the CSV upload, predict and batch predict), and each door reads each spelling the
 * same way: as the same number, as missing, or refused naming the column. The one difference is documented: JSON
 * has {@code null} for "unknown", so a JSON string that spells missing in a CSV is refused there with that hint.
 */
class CellSpellingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static TestDatabases.Database database;
    private static Cli cli;
    private static Segments.Run server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    enum Verdict { NUMBER, MISSING, REFUSED, REFUSED_SEND_NULL }

    record Spelling(String cell, Verdict verdict, double value) {
        @Override
        public String toString() {
            return "\"" + cell + "\"";
        }
    }

    static List<Spelling> spellings() {
        return List.of(new Spelling("1d", Verdict.REFUSED, Double.NaN), new Spelling("1e3", Verdict.NUMBER, 1000),
                new Spelling("1,5", Verdict.REFUSED, Double.NaN), new Spelling(" 7 ", Verdict.NUMBER, 7),
                new Spelling("NaN", Verdict.MISSING, Double.NaN), new Spelling("Infinity", Verdict.REFUSED, Double.NaN),
                new Spelling("", Verdict.MISSING, Double.NaN), new Spelling("NA", Verdict.MISSING, Double.NaN),
                new Spelling("-2.5", Verdict.NUMBER, -2.5), new Spelling("0x10", Verdict.REFUSED, Double.NaN));
    }

    @BeforeAll
    static void trainAndServe() throws IOException {
        work = Files.createTempDirectory("spellings");
        database = TestDatabases.h2(work.resolve("db"));
        cli = Cli.on(database, work);
        Path training = work.resolve("training.csv");
        Files.writeString(training, trainingRows(""));
        Cli.Result trained = cli.run("train", "--data", training.toString(), "--k", "2", "--seed", "3");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    /** Two groups of customers in columns a and b, then any extra lines. */
    private static String trainingRows(String extra) {
        StringBuilder csv = new StringBuilder("id,a,b\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double centre = i % 2 == 0 ? 0 : 10;
            csv.append("c").append(i).append(',').append(centre + random.nextDouble()).append(',')
                    .append(centre + random.nextDouble()).append('\n');
        }
        return csv.append(extra).toString();
    }

    private static String csvCell(String cell) {
        return cell.contains(",") ? "\"" + cell + "\"" : cell;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void everyDoorGivesTheSameVerdict(Spelling spelling) throws Exception {
        double expected = spelling.verdict() == Verdict.REFUSED ? Double.NaN
                : predictedDistance(spelling.verdict() == Verdict.NUMBER ? Double.toString(spelling.value()) : "null");
        Verdict json = spelling.verdict() == Verdict.MISSING ? Verdict.REFUSED_SEND_NULL : spelling.verdict();

        assertThat(scoreDoor(spelling)).as("segments score").isEqualTo(outcome(spelling.verdict(), expected));
        assertThat(uploadDoor(spelling)).as("CSV upload").isEqualTo(outcome(spelling.verdict(), expected));
        assertThat(predictDoor(spelling, false)).as("predict").isEqualTo(outcome(json, expected));
        assertThat(predictDoor(spelling, true)).as("batch predict").isEqualTo(outcome(json, expected));
        assertThat(groupsDoor(spelling)).as("segments groups").isEqualTo(spelling.verdict() == Verdict.REFUSED
                ? Verdict.REFUSED : Verdict.NUMBER);
        assertThat(trainDoor(spelling)).as("segments train").isEqualTo(spelling.verdict());
    }

    private record Outcome(Verdict verdict, double distance) {
    }

    private static Outcome outcome(Verdict verdict, double distance) {
        return verdict == Verdict.REFUSED || verdict == Verdict.REFUSED_SEND_NULL ? new Outcome(verdict, Double.NaN)
                : new Outcome(Verdict.NUMBER, distance);
    }

    private static double predictedDistance(String aAsJson) throws Exception {
        HttpResponse<String> response = post("/api/v1/predict?model=1", "application/json",
                "{\"a\": " + aAsJson + ", \"b\": 2}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("distance").asDouble();
    }

    private Outcome scoreDoor(Spelling spelling) throws IOException {
        Path in = work.resolve("score-in.csv");
        Path out = work.resolve("score-out.csv");
        Files.deleteIfExists(out);
        Files.writeString(in, "id,a,b\nx," + csvCell(spelling.cell()) + ",2\n");
        Cli.Result result = cli.run("score", "--data", in.toString(), "--out", out.toString(), "--model", "1");
        if (result.exitCode() != 0) {
            assertThat(result.err()).contains("column 'a'").contains("is not a number");
            assertThat(out).doesNotExist();
            return new Outcome(Verdict.REFUSED, Double.NaN);
        }
        return new Outcome(Verdict.NUMBER, Double.parseDouble(Files.readAllLines(out).get(1).split(",")[2]));
    }

    private Outcome uploadDoor(Spelling spelling) throws Exception {
        HttpResponse<String> response = post("/api/v1/predict/batch?model=1", "text/csv",
                "id,a,b\nx," + csvCell(spelling.cell()) + ",2\n");
        if (response.statusCode() == 400) {
            assertThat(response.body()).contains("column 'a'").contains("is not a number");
            return new Outcome(Verdict.REFUSED, Double.NaN);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Outcome(Verdict.NUMBER, Double.parseDouble(response.body().lines().toList().get(1).split(",")[2]));
    }

    private Outcome predictDoor(Spelling spelling, boolean batch) throws Exception {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("a", spelling.cell());
        customer.put("b", 2);
        String body = JSON.writeValueAsString(batch ? List.of(customer) : customer);
        HttpResponse<String> response = post(batch ? "/api/v1/predict/batch?model=1" : "/api/v1/predict?model=1",
                "application/json", body);
        if (response.statusCode() == 400) {
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("field").asText()).endsWith("a");
            String message = error.get("message").asText();
            return new Outcome(message.contains("send null") ? Verdict.REFUSED_SEND_NULL : Verdict.REFUSED, Double.NaN);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        return new Outcome(Verdict.NUMBER, (batch ? answer.get(0) : answer).get("distance").asDouble());
    }

    private Verdict groupsDoor(Spelling spelling) throws IOException {
        Path in = work.resolve("groups-in.csv");
        Files.writeString(in, "id,a,b,bank\nx," + csvCell(spelling.cell()) + ",2,B1\ny,1,2,B2\n");
        Cli.Result result = cli.run("groups", "--data", in.toString(), "--by", "bank", "--model", "1");
        if (result.exitCode() != 0) {
            assertThat(result.err()).contains("column 'a'").contains("is not a number");
            return Verdict.REFUSED;
        }
        return Verdict.NUMBER;
    }

    /** Training reads the spelling in one row of column a; the report says whether it was taken as missing. */
    private Verdict trainDoor(Spelling spelling) throws IOException {
        Path in = work.resolve("train-in.csv");
        Files.writeString(in, trainingRows("x," + csvCell(spelling.cell()) + ",2\n"));
        Cli.Result result = cli.run("train", "--data", in.toString(), "--k", "2", "--json");
        if (result.exitCode() != 0) {
            assertThat(result.err()).contains("column 'a'").contains("is not a number");
            return Verdict.REFUSED;
        }
        JsonNode column = null;
        for (JsonNode c : result.json().get("columns")) {
            if (c.get("name").asText().equals("a")) {
                column = c;
            }
        }
        assertThat(column).isNotNull();
        return column.get("reason").asText().contains("1 missing") ? Verdict.MISSING : Verdict.NUMBER;
    }

    private static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
