package com.segments.engine.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.adapters.jdbc.TestDatabases;
import com.segments.bootstrap.Segments;
import com.segments.domain.metric.AdjustedRandIndex;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark engine through the real product: {@code segments train --engine spark --master local[2]} on 200,000 ×
 * 16 generated blobs stores a version in an H2 store, the HTTP server started by {@code segments serve} answers
 * {@code POST /api/v1/predict} with it, and the answers are checked against Spark's own assignment of every row
 * (written by the engine), and against the project's own k-means trained on the same file.
 */
class SparkEngineEndToEndTest {

    private static final int ROWS = 200_000;
    private static final int DIMENSIONS = 16;
    private static final int K = 5;
    /** One cell in this many is left empty, so imputation (Spark's approximate median) is exercised. */
    private static final int MISSING_ONE_IN = 2_000;

    @TempDir
    static Path work;

    private static Path blobs;
    private static List<String> lines;
    private static Map<String, Object> properties;
    private static TestDatabases.Database database;

    @BeforeAll
    static void generateBlobs() throws IOException {
        Random random = new Random(18);
        double[][] centres = new double[K][DIMENSIONS];
        double[] spread = new double[K];
        for (int c = 0; c < K; c++) {
            spread[c] = 0.8 + 0.3 * c;
            for (int j = 0; j < DIMENSIONS; j++) {
                centres[c][j] = 100 + 12 * random.nextGaussian();
            }
        }
        StringBuilder header = new StringBuilder("customer_id");
        for (int j = 0; j < DIMENSIONS; j++) {
            header.append(",x").append(j);
        }
        lines = new ArrayList<>(ROWS + 1);
        lines.add(header.toString());
        for (int i = 0; i < ROWS; i++) {
            int c = random.nextInt(K);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "C%06d", i));
            for (int j = 0; j < DIMENSIONS; j++) {
                line.append(',');
                if (random.nextInt(MISSING_ONE_IN) != 0) {
                    line.append(centres[c][j] + spread[c] * random.nextGaussian());
                }
            }
            lines.add(line.toString());
        }
        blobs = work.resolve("blobs.csv");
        Files.write(blobs, lines);
        database = TestDatabases.h2(work.resolve("db"));
        properties = new HashMap<>(database.properties());
        properties.put("segments.home", work.resolve("home").toString());
        properties.put("segments.api.key", "spark-test-key");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\n" + err, e);
            }
        }
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Segments.execute(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One row's answer: segment and distance. */
    record Answer(int segment, double distance) {
    }

    @Test
    void aSparkVersionIsStoredServedAndAgreesWithSparkAndWithOurKMeans() throws Exception {
        Path assignments = work.resolve("spark-assignments");
        Result spark = cli("train", "--engine", "spark", "--master", "local[2]", "--data", blobs.toString(),
                "--k", Integer.toString(K), "--assignments-out", assignments.toString(), "--json");
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        JsonNode sparkJson = spark.json();
        assertThat(sparkJson.get("version").asInt()).isEqualTo(1);
        assertThat(sparkJson.get("algorithm").asText()).isEqualTo("spark-kmeans");
        assertThat(sparkJson.get("provenance").get("engine").asText()).isEqualTo("spark");
        assertThat(sparkJson.get("provenance").get("spark.master").asText()).isEqualTo("local[2]");
        assertThat(sparkJson.get("rows").asLong()).isEqualTo(ROWS);
        assertThat(sparkJson.get("features")).hasSize(DIMENSIONS);

        Result ours = cli("train", "--data", blobs.toString(), "--k", Integer.toString(K), "--restarts", "3", "--json");
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        JsonNode oursJson = ours.json();
        assertThat(oursJson.get("algorithm").asText()).isEqualTo("kmeans");
        double sparkInertia = sparkJson.get("inertia").asDouble();
        double ourInertia = oursJson.get("inertia").asDouble();
        assertThat(Math.abs(sparkInertia - ourInertia) / ourInertia).as("inertia %s vs %s", sparkInertia, ourInertia)
                .isLessThanOrEqualTo(0.01);

        Map<String, Answer> sparkOwn = readSparkAssignments(assignments);
        assertThat(sparkOwn).hasSize(ROWS);
        try (Segments.Run server = Segments.launch(new String[] {"serve", "--port", "0"}, properties,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)) {
            URI base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
            Map<String, Answer> servedSpark = predictAll(base, 1);
            Map<String, Answer> servedOurs = predictAll(base, 2);

            // the served Spark version answers every row as Spark itself assigned it, at the same distance
            int[] sparkLabels = new int[ROWS];
            int[] ourLabels = new int[ROWS];
            int i = 0;
            for (String line : lines.subList(1, lines.size())) {
                String id = line.substring(0, line.indexOf(','));
                Answer served = servedSpark.get(id);
                Answer own = sparkOwn.get(id);
                assertThat(served.segment()).as("segment of %s", id).isEqualTo(own.segment());
                assertThat(Math.abs(served.distance() - own.distance()))
                        .as("distance of %s: served %s, Spark %s", id, served.distance(), own.distance())
                        .isLessThanOrEqualTo(1e-9 * Math.max(1e-300, own.distance()));
                sparkLabels[i] = served.segment();
                ourLabels[i++] = servedOurs.get(id).segment();
            }
            assertThat(AdjustedRandIndex.of(sparkLabels, ourLabels)).isGreaterThanOrEqualTo(0.99);

            // one customer as JSON through POST /api/v1/predict
            String[] header = lines.getFirst().split(",");
            String[] cells = lines.get(1).split(",", -1);
            StringBuilder body = new StringBuilder("{\"customer_id\":\"" + cells[0] + "\"");
            for (int j = 1; j < header.length; j++) {
                body.append(",\"").append(header[j]).append("\":").append(cells[j].isEmpty() ? "null" : cells[j]);
            }
            HttpResponse<String> one = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/predict?model=1"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(one.body());
            assertThat(answer.get("segment").asInt()).isEqualTo(sparkOwn.get(cells[0]).segment());
            assertThat(answer.get("modelVersion").asInt()).isEqualTo(1);
        }

        // segments are profiled (in Spark) and named like any version's
        Result described = cli("describe", "--model", "1", "--json");
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).contains("x0").contains("\"name\"");
    }

    private static Map<String, Answer> readSparkAssignments(Path directory) throws IOException {
        Map<String, Answer> answers = new HashMap<>();
        try (Stream<Path> parts = Files.list(directory)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                List<String> rows = Files.readAllLines(part);
                assertThat(rows.getFirst()).isEqualTo("customer_id,segment,distance");
                for (String row : rows.subList(1, rows.size())) {
                    String[] cells = row.split(",");
                    answers.put(cells[0], new Answer(Integer.parseInt(cells[1]), Double.parseDouble(cells[2])));
                }
            }
        }
        return answers;
    }

    /** Every row through {@code POST /api/v1/predict/batch} as CSV uploads of 25,000 rows. */
    private static Map<String, Answer> predictAll(URI base, int version) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Answer> answers = new HashMap<>();
        int chunk = 25_000;
        for (int from = 1; from < lines.size(); from += chunk) {
            List<String> upload = new ArrayList<>();
            upload.add(lines.getFirst());
            upload.addAll(lines.subList(from, Math.min(lines.size(), from + chunk)));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                base.resolve("/api/v1/predict/batch?model=" + version)).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", upload) + "\n")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                String[] rows = response.body().split("\n");
                for (int r = 1; r < rows.length; r++) {
                    String[] cells = rows[r].split(",");
                    answers.put(cells[0], new Answer(Integer.parseInt(cells[1]), Double.parseDouble(cells[2])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(answers).hasSize(ROWS);
        return answers;
    }
}
