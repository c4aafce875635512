package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API over a real socket, started by {@code segments serve}, against models trained by the CLI: both
 * doors must give the same answer for the same customer.
 */
abstract class RestApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Cli cli;
    private Segments.Run server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    protected abstract TestDatabases.Database database(Path directory);

    @BeforeEach
    void start() {
        database = database(work.resolve("db"));
        cli = Cli.on(database, work);
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @Test
    void beforeAnyTrainingPredictAnswers409SayingHowToTrain() throws Exception {
        HttpResponse<String> response = post("/api/v1/predict", "{\"BALANCE\": 1}");
        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("no_active_model");
        assertThat(body.get("message").asText()).contains("segments train --data");
    }

    @Test
    void healthReportsTheDatabaseAndTheActiveModel() throws Exception {
        HttpResponse<String> before = get("/health");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(before.body()).get("database").asText()).isEqualTo("UP");
        assertThat(JSON.readTree(before.body()).has("activeModelVersion")).isFalse();

        trainCcGeneral();

        JsonNode after = JSON.readTree(get("/health").body());
        assertThat(after.get("status").asText()).isEqualTo("UP");
        assertThat(after.get("activeModelVersion").asInt()).isEqualTo(1);
    }

    @Test
    void predictGivesTheSameSegmentAndDistanceAsBatchScoring() throws Exception {
        trainCcGeneral();
        Path scores = work.resolve("scores.csv");
        Cli.Result scored = cli.run("score", "--data", Cli.CC_GENERAL.toString(), "--out", scores.toString());
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        List<String> scoreLines = Files.readAllLines(scores);
        List<String> dataLines = Files.readAllLines(Cli.CC_GENERAL);
        assertThat(scoreLines).hasSize(8951);
        String[] header = dataLines.getFirst().strip().split(",");

        int checked = 0;
        for (int row = 1; row < dataLines.size(); row += 7) {
            String[] cells = dataLines.get(row).strip().split(",", -1);
            ObjectNode customer = JSON.createObjectNode();
            for (int j = 0; j < header.length; j++) {
                if (j == 0) {
                    customer.put(header[j], cells[j]);
                } else if (cells[j].isEmpty()) {
                    customer.putNull(header[j]);
                } else {
                    customer.put(header[j], Double.parseDouble(cells[j]));
                }
            }
            HttpResponse<String> response = post("/api/v1/predict", customer.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode prediction = JSON.readTree(response.body());
            String[] expected = scoreLines.get(row).split(",");
            assertThat(prediction.get("customerId").asText()).isEqualTo(expected[0]);
            assertThat(prediction.get("segment").asInt()).as("row %d", row).isEqualTo(Integer.parseInt(expected[1]));
            assertThat(prediction.get("distance").asDouble()).isEqualTo(Double.parseDouble(expected[2]));
            assertThat(prediction.get("modelVersion").asInt()).isEqualTo(1);
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** Segments in business terms: profiles, names and offers; a rename needs the key and shows in predictions. */
    @Test
    void segmentsAreDescribedRenamedAndNamedInPredictions() throws Exception {
        trainCcGeneral();
        HttpResponse<String> listed = get("/api/v1/segments");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode segments = JSON.readTree(listed.body());
        assertThat(segments.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(segments.get("segments")).hasSize(4);
        JsonNode first = segments.get("segments").get(0);
        assertThat(first.get("name").asText()).isNotBlank().doesNotContainIgnoringCase("cluster");
        assertThat(first.get("features").size()).isEqualTo(17);
        assertThat(first.get("distinguishing").size()).isPositive();

        JsonNode prediction = JSON.readTree(post("/api/v1/predict", ccGeneralCustomer().toString()).body());
        int segment = prediction.get("segment").asInt();
        assertThat(prediction.get("segmentName").asText())
                .isEqualTo(segments.get("segments").get(segment).get("name").asText());
        assertThat(prediction.get("offers").isArray()).isTrue();

        String edit = "{\"name\": \"Our Favourites\", \"offers\": [\"Gold card\"]}";
        assertThat(send("PUT", "/api/v1/segments/" + segment, edit, null).statusCode()).isEqualTo(401);
        HttpResponse<String> renamed = send("PUT", "/api/v1/segments/" + segment, edit, Cli.API_KEY);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("namedByHand").asBoolean()).isTrue();
        JsonNode named = JSON.readTree(post("/api/v1/predict", ccGeneralCustomer().toString()).body());
        assertThat(named.get("segmentName").asText()).isEqualTo("Our Favourites");
        assertThat(named.get("offers").get(0).asText()).isEqualTo("Gold card");

        HttpResponse<String> clash = send("PUT", "/api/v1/segments/" + ((segment + 1) % 4),
                "{\"name\": \"our favourites\"}", Cli.API_KEY);
        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(clash.body()).contains("already called 'Our Favourites'");
        assertThat(send("PUT", "/api/v1/segments/9", edit, Cli.API_KEY).statusCode()).isEqualTo(400);
    }

    /** A CSV upload is scored as `segments score` scores the file; a bad row is a 400 naming it. */
    @Test
    void aCsvUploadIsScoredLikeTheFileAndABadRowIsNamed() throws Exception {
        trainCcGeneral();
        Path scores = work.resolve("scores.csv");
        assertThat(cli.run("score", "--data", Cli.CC_GENERAL.toString(), "--out", scores.toString()).exitCode()).isZero();

        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/predict/batch"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(Cli.CC_GENERAL)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("X-Model-Version")).hasValue("1");
        assertThat(answered.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(answered.body().lines().toList()).isEqualTo(Files.readAllLines(scores));

        String broken = "CUST_ID,BALANCE,BALANCE_FREQUENCY,PURCHASES,ONEOFF_PURCHASES,INSTALLMENTS_PURCHASES,CASH_ADVANCE,"
                + "PURCHASES_FREQUENCY,ONEOFF_PURCHASES_FREQUENCY,PURCHASES_INSTALLMENTS_FREQUENCY,CASH_ADVANCE_FREQUENCY,"
                + "CASH_ADVANCE_TRX,PURCHASES_TRX,CREDIT_LIMIT,PAYMENTS,MINIMUM_PAYMENTS,PRC_FULL_PAYMENT,TENURE\n"
                + "C1,40.9,0.8,95.4,0,95.4,0,0.17,0,0.08,0,0,2,1000,201.8,139.5,0,12\n"
                + "C2,lots,0.8,95.4,0,95.4,0,0.17,0,0.08,0,0,2,1000,201.8,139.5,0,12\n";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/predict/batch"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(broken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("row 2 (line 3)").contains("column 'BALANCE'").contains("\\\"lots\\\" is not a number");
    }

    /**
     * GET /prometheus: predictions counted by version, segment and door as they are answered, the latency histogram,
     * rows of uploads, jobs by state and the database's state, in Prometheus's text format, without a key.
     */
    @Test
    void metricsCountWhatWasAnsweredInPrometheusFormat() throws Exception {
        trainCcGeneral();
        JsonNode prediction = JSON.readTree(post("/api/v1/predict", ccGeneralCustomer().toString()).body());
        int segment = prediction.get("segment").asInt();
        post("/api/v1/predict", ccGeneralCustomer().toString());
        post("/api/v1/predict/batch", "[" + ccGeneralCustomer() + "," + ccGeneralCustomer() + "," + ccGeneralCustomer()
                + "]");
        HttpResponse<String> scraped = get("/prometheus");
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        String text = scraped.body();
        assertThat(text).contains("segments_predictions_total{door=\"rest\",segment=\"" + segment
                + "\",version=\"1\"} 2.0");
        assertThat(text).contains("segments_predictions_total{door=\"rest_batch\",segment=\"" + segment
                + "\",version=\"1\"} 3.0");
        assertThat(text).contains("segments_predict_duration_seconds_count 3");
        assertThat(text).contains("segments_predict_duration_seconds_bucket{le=");
        assertThat(text).contains("segments_database_up 1.0");
        assertThat(text).containsPattern("segments_training_jobs\\{state=\"succeeded\"} \\d");
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    /**
     * GET /api/v1/drift/live: the predictions answered since the start, counted per bin and segment, compared with the
     * reference, equal to the offline drift of the same rows; before any prediction it says there is nothing to
     * compare.
     */
    @Test
    void liveDriftComparesWhatPredictSaw() throws Exception {
        trainCcGeneral();
        HttpResponse<String> empty = get("/api/v1/drift/live");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("has answered no prediction");

        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        com.fasterxml.jackson.databind.node.ArrayNode batch = JSON.createArrayNode();
        for (String line : lines.subList(1, 3001)) {
            batch.add(Cli.customerJson(header, line));
        }
        assertThat(post("/api/v1/predict/batch", batch.toString()).statusCode()).isEqualTo(200);
        HttpResponse<String> live = get("/api/v1/drift/live");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(live.body());
        assertThat(report.get("rows").asLong()).isEqualTo(3000);
        // the same rows measured offline: the same counts, so the same PSI, levels, shares and verdict
        Path first = Files.write(work.resolve("first-3000.csv"), lines.subList(0, 3001));
        JsonNode offline = cli.run("drift", "--data", first.toString(), "--json").json();
        assertThat(report.get("verdict").asText()).isEqualTo(offline.get("verdict").asText());
        for (int j = 0; j < report.get("fields").size(); j++) {
            JsonNode field = report.get("fields").get(j);
            assertThat(field.get("psi").asDouble()).isEqualTo(offline.get("fields").get(j).get("psi").asDouble());
            assertThat(field.get("level").asText()).isEqualTo(offline.get("fields").get(j).get("level").asText());
            assertThat(field.get("wasserstein").isNull()).as("no values are kept live").isTrue();
        }
        assertThat(report.get("sharePsi").asDouble()).isEqualTo(offline.get("sharePsi").asDouble());
        double shares = 0;
        for (JsonNode segment : report.get("segments")) {
            shares += segment.get("currentShare").asDouble();
        }
        assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** Drift of an upload answers what `segments drift --json` answers for the file; an unknown model is a 404. */
    @Test
    void driftOfAnUploadEqualsTheCommandLines() throws Exception {
        trainCcGeneral();
        Cli.Result cliDrift = cli.run("drift", "--data", Cli.CC_GENERAL.toString(), "--json");
        assertThat(cliDrift.exitCode()).as(cliDrift.err()).isZero();
        // an upload can start a retraining (segments.triggers.on-drift): it needs an operator key
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/api/v1/drift")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(Cli.CC_GENERAL)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/drift"))
                .header("Content-Type", "text/csv").header("X-API-Key", Cli.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(Cli.CC_GENERAL)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode rest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(answered.body());
        assertThat(rest.get("verdict").asText()).isEqualTo("stable");
        assertThat(rest.get("rows").asLong()).isEqualTo(8950);
        assertThat(rest.get("fields")).isEqualTo(cliDrift.json().get("fields"));
        assertThat(rest.get("segments")).isEqualTo(cliDrift.json().get("segments"));

        String scraped = get("/prometheus").body();
        assertThat(scraped).contains("segments_drift_verdict{version=\"1\"} 0.0");
        double topPsi = java.util.stream.StreamSupport.stream(rest.get("fields").spliterator(), false)
                .mapToDouble(f -> f.get("psi").asDouble()).max().orElseThrow();
        java.util.regex.Matcher gauge = java.util.regex.Pattern.compile("segments_drift_top_psi\\{version=\"1\"} (\\S+)")
                .matcher(scraped);
        assertThat(gauge.find()).as(scraped).isTrue();
        assertThat(Double.parseDouble(gauge.group(1))).isCloseTo(topPsi, org.assertj.core.api.Assertions.within(1e-12));

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/drift?model=77"))
                .header("Content-Type", "text/csv").header("X-API-Key", Cli.API_KEY).POST(HttpRequest.BodyPublishers.ofFile(Cli.CC_GENERAL)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("77");
    }

    /**
     * A model with categorical fields, a derived feature and group attributes: predict applies the stored pipeline,
     * an unseen category takes the other bucket, a wrongly typed field is a 400 naming it.
     */
    @Test
    void predictAppliesTheStoredFeaturePipeline() throws Exception {
        Path data = Cli.SHARED.resolve("data/customer_segmentation_data/customer_segmentation_data.csv");
        Path spec = Path.of(System.getProperty("segments.examples.dir", "../examples"),
                "customer_segmentation_data/features.yml");
        Cli.Result trained = cli.run("train", "--data", data.toString(), "--features", spec.toString(), "--k", "4");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path scores = work.resolve("scores.csv");
        assertThat(cli.run("score", "--data", data.toString(), "--out", scores.toString()).exitCode()).isZero();
        String[] first = Files.readAllLines(scores).get(1).split(",");

        String customer = "{\"id\": \"1\", \"age\": 38, \"gender\": \"Female\", \"income\": 99342, \"spending_score\": 90,"
                + " \"membership_years\": 3, \"purchase_frequency\": 24, \"preferred_category\": \"Groceries\","
                + " \"last_purchase_amount\": 113.53}";
        HttpResponse<String> known = post("/api/v1/predict", customer);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(JSON.readTree(known.body()).get("segment").asInt()).isEqualTo(Integer.parseInt(first[1]));
        assertThat(JSON.readTree(known.body()).get("distance").asDouble()).isEqualTo(Double.parseDouble(first[2]));

        HttpResponse<String> unseen = post("/api/v1/predict", customer.replace("Groceries", "Garden Tools"));
        assertThat(unseen.statusCode()).as(unseen.body()).isEqualTo(200);

        HttpResponse<String> wrong = post("/api/v1/predict", customer.replace("\"income\": 99342", "\"income\": \"rich\""));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).get("field").asText()).isEqualTo("income");
        HttpResponse<String> missing = post("/api/v1/predict", customer.replace("\"gender\": \"Female\",", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("field").asText()).isEqualTo("gender");
        HttpResponse<String> nested = post("/api/v1/predict", customer.replace("\"Female\"", "{\"x\": 1}"));
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nested.body()).get("field").asText()).isEqualTo("gender");
    }

    @Test
    void aDensityModelAnswersNoiseTheWayScoringDoes() throws Exception {
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--algorithm", "hdbscan",
                "--param", "minClusterSize=50");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path scores = work.resolve("hdbscan.csv");
        assertThat(cli.run("score", "--data", Cli.CC_GENERAL.toString(), "--out", scores.toString()).exitCode()).isZero();
        List<String> scoreLines = Files.readAllLines(scores);
        List<String> dataLines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = dataLines.getFirst().strip().split(",");
        int noise = 0;
        int member = 0;
        for (int row = 1; row < dataLines.size() && (noise < 5 || member < 5); row++) {
            boolean isNoise = scoreLines.get(row).split(",")[1].equals("-1");
            if (isNoise ? noise >= 5 : member >= 5) {
                continue;
            }
            ObjectNode customer = Cli.customerJson(header, dataLines.get(row));
            JsonNode prediction = JSON.readTree(post("/api/v1/predict", customer.toString()).body());
            assertThat(prediction.get("noise").asBoolean()).as("row %d", row).isEqualTo(isNoise);
            assertThat(prediction.get("segment").asInt()).isEqualTo(Integer.parseInt(scoreLines.get(row).split(",")[1]));
            if (isNoise) {
                noise++;
            } else {
                member++;
            }
        }
        assertThat(noise).isEqualTo(5);
        assertThat(member).isEqualTo(5);
    }

    @Test
    void changingModelsNeedsTheApiKey() throws Exception {
        trainCcGeneral();
        assertThat(send("POST", "/api/v1/models/1/activate", "", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send("POST", "/api/v1/models/1/activate", "", "not-the-key");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("api_key_wrong");
        assertThat(send("POST", "/api/v1/models/1/activate", "", Cli.API_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/models").statusCode()).isEqualTo(200);
    }

    @Test
    void activationRollbackAndAliasesChangeWhatPredictUsesAtOnce() throws Exception {
        trainCcGeneral();
        assertThat(cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "6", "--restarts", "2").exitCode()).isZero();
        String customer = ccGeneralCustomer().toString();
        assertThat(awaitServed(customer, 2)).isEqualTo(2); // trained by another process: reaches the server on refresh

        HttpResponse<String> activated = send("POST", "/api/v1/models/1/activate", "", Cli.API_KEY);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(JSON.readTree(activated.body()).get("previous").asInt()).isEqualTo(2);
        assertThat(predictedVersion(customer, "")).isEqualTo(1);

        HttpResponse<String> rolledBack = send("POST", "/api/v1/models/rollback", "", Cli.API_KEY);
        assertThat(JSON.readTree(rolledBack.body()).get("active").asInt()).isEqualTo(2);
        assertThat(predictedVersion(customer, "")).isEqualTo(2);

        assertThat(send("PUT", "/api/v1/aliases/champion", "{\"version\": 1}", Cli.API_KEY).statusCode()).isEqualTo(200);
        assertThat(predictedVersion(customer, "?model=champion")).isEqualTo(1);
        HttpResponse<String> unknownAlias = post("/api/v1/predict?model=challenger", customer);
        assertThat(unknownAlias.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownAlias.body()).get("error").asText()).isEqualTo("unknown_alias");
        assertThat(unknownAlias.body()).contains("no model has the alias 'challenger'");

        JsonNode models = JSON.readTree(get("/api/v1/models").body());
        assertThat(models.get(0).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(models.get(1).get("status").asText()).isEqualTo("RETIRED");
        assertThat(models.get(1).get("aliases").get(0).asText()).isEqualTo("champion");
        JsonNode shown = JSON.readTree(get("/api/v1/models/champion").body());
        assertThat(shown.get("model").get("version").asInt()).isEqualTo(1);
        assertThat(shown.get("segmentProfiles")).hasSize(4);
        assertThat(shown.get("segmentProfiles").get(0).get("centre").has("BALANCE")).isTrue();
        assertThat(get("/api/v1/models/9").statusCode()).isEqualTo(404);
    }

    @Test
    void anActivationByAnotherProcessReachesTheServer() throws Exception {
        trainCcGeneral();
        assertThat(cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "5", "--restarts", "2").exitCode()).isZero();
        String customer = ccGeneralCustomer().toString();
        assertThat(awaitServed(customer, 2)).isEqualTo(2);
        assertThat(cli.run("models", "activate", "1").exitCode()).isZero();
        assertThat(awaitServed(customer, 1)).isEqualTo(1);
    }

    /** Predicts until {@code version} answers or twice the refresh period has passed; returns the last version seen. */
    private int awaitServed(String customer, int version) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2 * ActiveModelRefresher.PERIOD_SECONDS + 1);
        int served = predictedVersion(customer, "");
        while (served != version && System.nanoTime() < deadline) {
            Thread.sleep(100);
            served = predictedVersion(customer, "");
        }
        return served;
    }

    @Test
    void whenTheDatabaseGoesAwayPredictionsContinueFromMemoryAndHealthSaysDown() throws Exception {
        trainCcGeneral();
        String customer = ccGeneralCustomer().toString();
        JsonNode before = JSON.readTree(post("/api/v1/predict", customer).body());
        // Close the server's connection pool under it: every database call fails from now on.
        io.micronaut.jdbc.DataSourceResolver resolver = server.context().getBean(io.micronaut.jdbc.DataSourceResolver.class);
        for (javax.sql.DataSource dataSource : server.context().getBeansOfType(javax.sql.DataSource.class)) {
            if (resolver.resolve(dataSource) instanceof AutoCloseable pool) {
                pool.close();
            }
        }
        HttpResponse<String> during = post("/api/v1/predict", customer);
        assertThat(during.statusCode()).as(during.body()).isEqualTo(200);
        assertThat(JSON.readTree(during.body())).isEqualTo(before);
        HttpResponse<String> registry = get("/api/v1/models");
        assertThat(registry.statusCode()).as(registry.body()).isEqualTo(503);
        assertThat(JSON.readTree(registry.body()).get("error").asText()).isEqualTo("database_unavailable");
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).get("database").asText()).isEqualTo("DOWN");
        assertThat(JSON.readTree(health.body()).get("activeModelVersion").asInt()).isEqualTo(1);
    }

    private int predictedVersion(String customer, String query) throws Exception {
        HttpResponse<String> response = post("/api/v1/predict" + query, customer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("modelVersion").asInt();
    }

    private HttpResponse<String> send(String method, String path, String body, String apiKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retrainingRunsInTheBackgroundAndProducesTheActiveVersion() throws Exception {
        String request = "{\"data\": \"" + Cli.CC_GENERAL.toAbsolutePath().normalize()
                + "\", \"parameters\": {\"k\": 3, \"restarts\": 2}, \"seed\": 5}";
        assertThat(send("POST", "/api/v1/retrain", request, null).statusCode()).isEqualTo(401);

        HttpResponse<String> accepted = send("POST", "/api/v1/retrain", request, Cli.API_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);

        HttpResponse<String> second = send("POST", "/api/v1/retrain", request, Cli.API_KEY);
        JsonNode job = awaitJob(id);
        if (second.statusCode() == 409) { // the first was still queued or running: named in the refusal
            assertThat(JSON.readTree(second.body()).get("message").asText()).contains(id);
        } else {
            assertThat(second.statusCode()).isEqualTo(202); // the first had already finished
            awaitJob(JSON.readTree(second.body()).get("id").asText());
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        int version = job.get("version").asInt();
        assertThat(awaitServed(ccGeneralCustomer().toString(), version)).isEqualTo(version);
        assertThat(JSON.readTree(get("/api/v1/models/" + version).body()).get("model").get("triggeredBy").asText())
                .isEqualTo("api job " + id);
        assertThat(cli.run("jobs", "--json").json().get(0).get("id").asText()).isIn(id,
                second.statusCode() == 202 ? JSON.readTree(second.body()).get("id").asText() : id);
    }

    @Test
    void aBadRetrainRequestIsRefusedAndLeavesNoJob() throws Exception {
        HttpResponse<String> missing = send("POST", "/api/v1/retrain", "{\"data\": \"nowhere.csv\"}", Cli.API_KEY);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("message").asText()).contains("no such file");
        // Outside the data directory, a missing path answers like an existing one: requests cannot probe the disk.
        HttpResponse<String> elsewhere = send("POST", "/api/v1/retrain", "{\"data\": \"/nowhere/x.csv\"}", Cli.API_KEY);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(elsewhere.body()).get("message").asText()).contains("outside the data directory")
                .doesNotContain("/nowhere");
        HttpResponse<String> outside = send("POST", "/api/v1/retrain", "{\"data\": \"/etc/hostname\"}", Cli.API_KEY);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outside.body()).get("message").asText()).contains("outside the data directory");
        assertThat(get("/api/v1/jobs/no-such-job").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/jobs").body())).isEmpty();
    }

    @Test
    void aJobLeftRunningByAStoppedServerReadsFailedInterruptedAfterARestart() throws Exception {
        trainCcGeneral();
        server.close();
        try (io.micronaut.context.ApplicationContext store = io.micronaut.context.ApplicationContext.run(
                Map.<String, Object>copyOf(database.properties()))) {
            store.getBean(com.segments.domain.job.JobRepository.class).save(new com.segments.domain.job.TrainingJob(
                    "crashed", "/data/cc.csv", "kmeans", Map.of(), 1L, com.segments.domain.job.JobState.QUEUED, 0,
                    "queued", java.time.Instant.now(), null, null, null, null).running(java.time.Instant.now()));
        }
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());

        JsonNode job = JSON.readTree(get("/api/v1/jobs/crashed").body());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).startsWith("interrupted");
        assertThat(predictedVersion(ccGeneralCustomer().toString(), "")).isEqualTo(1);
        assertThat(JSON.readTree(get("/api/v1/models").body())).hasSize(1);
    }

    private JsonNode awaitJob(String id) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonNode job = JSON.readTree(get("/api/v1/jobs/" + id).body());
        while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = JSON.readTree(get("/api/v1/jobs/" + id).body());
        }
        return job;
    }

    @Test
    void aBatchIsAnsweredInOrderByOneVersionAndABadItemIsNamed() throws Exception {
        trainCcGeneral();
        com.fasterxml.jackson.databind.node.ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < 25; i++) {
            ObjectNode customer = ccGeneralCustomer();
            customer.put("CUST_ID", "C" + i);
            customer.put("BALANCE", 100.0 * i * i);
            batch.add(customer);
        }
        HttpResponse<String> answered = post("/api/v1/predict/batch", batch.toString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(answered.body());
        assertThat(predictions).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(predictions.get(i).get("customerId").asText()).isEqualTo("C" + i);
            assertThat(predictions.get(i).get("modelVersion").asInt()).isEqualTo(1);
            JsonNode single = JSON.readTree(post("/api/v1/predict", batch.get(i).toString()).body());
            assertThat(predictions.get(i).get("segment")).isEqualTo(single.get("segment"));
        }

        ((ObjectNode) batch.get(17)).put("BALANCE", "lots");
        HttpResponse<String> bad = post("/api/v1/predict/batch", batch.toString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("[17].BALANCE");
        assertThat(post("/api/v1/predict/batch", "{\"BALANCE\": 1}").statusCode()).isEqualTo(400);
    }

    @Test
    void aBatchOverTheLimitIsA413() throws Exception {
        trainCcGeneral();
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            huge.append(i == 0 ? "" : ",").append("{}");
        }
        HttpResponse<String> refused = post("/api/v1/predict/batch", huge.append(']').toString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("at most 10000 customers");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> document = get("/openapi.yml");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi: 3").contains("/api/v1/predict:").contains("/api/v1/predict/batch:")
                .contains("/api/v1/retrain:").contains("/api/v1/jobs/{id}:").contains("/api/v1/models/{version}/activate:");
    }

    @Test
    void aMissingFeatureIsA400NamingIt() throws Exception {
        trainCcGeneral();
        ObjectNode customer = ccGeneralCustomer();
        customer.remove("PAYMENTS");
        assertBadField(post("/api/v1/predict", customer.toString()), "PAYMENTS", "missing feature");
    }

    @Test
    void aNonNumericValueIsA400NamingIt() throws Exception {
        trainCcGeneral();
        ObjectNode customer = ccGeneralCustomer();
        customer.put("CREDIT_LIMIT", "a lot");
        assertBadField(post("/api/v1/predict", customer.toString()), "CREDIT_LIMIT", "\"a lot\" is not a number");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() throws Exception {
        trainCcGeneral();
        ObjectNode customer = ccGeneralCustomer();
        customer.put("SHOE_SIZE", 42);
        assertBadField(post("/api/v1/predict", customer.toString()), "SHOE_SIZE", "unknown field");
    }

    @Test
    void anExplicitNullIsImputedLikeAnEmptyCell() throws Exception {
        trainCcGeneral();
        ObjectNode customer = ccGeneralCustomer();
        customer.putNull("MINIMUM_PAYMENTS");
        HttpResponse<String> response = post("/api/v1/predict", customer.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anUnknownVersionIsA404AndMalformedJsonA400() throws Exception {
        trainCcGeneral();
        HttpResponse<String> unknown = post("/api/v1/predict?version=99", ccGeneralCustomer().toString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).contains("99");

        HttpResponse<String> malformed = post("/api/v1/predict", "{\"BALANCE\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText()).isEqualTo("invalid_json");

        HttpResponse<String> array = post("/api/v1/predict", "[1, 2]");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(array.body()).get("message").asText()).contains("one JSON object");
    }

    @Test
    void aNamedVersionIsUsedWhenAsked() throws Exception {
        trainCcGeneral();
        assertThat(cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "6", "--restarts", "2").exitCode()).isZero();
        assertThat(awaitServed(ccGeneralCustomer().toString(), 2)).isEqualTo(2);
        JsonNode first = JSON.readTree(post("/api/v1/predict?version=1", ccGeneralCustomer().toString()).body());
        assertThat(first.get("modelVersion").asInt()).isEqualTo(1);
    }

    private void trainCcGeneral() {
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "4", "--restarts", "3");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    private static ObjectNode ccGeneralCustomer() throws IOException {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        String[] cells = lines.get(1).strip().split(",", -1);
        ObjectNode customer = JSON.createObjectNode();
        customer.put(header[0], cells[0]);
        for (int j = 1; j < header.length; j++) {
            customer.put(header[j], Double.parseDouble(cells[j]));
        }
        return customer;
    }

    private static void assertBadField(HttpResponse<String> response, String field, String text) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("message").asText()).contains(text).contains(field);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
