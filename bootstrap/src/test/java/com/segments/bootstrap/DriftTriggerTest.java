package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-clustering trigger end to end on PostgreSQL: a server whose policy retrains CC GENERAL when the live window
 * of the active version drifts is sent drifted customers; one job is queued (not two), it runs, and the version it
 * makes names the drift that triggered it.
 */
class DriftTriggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Segments.Run server;
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aDriftedStreamQueuesOneRetrainThatNamesItsTrigger() throws Exception {
        database = TestDatabases.postgres();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("segments.home", work.resolve("home").toString());
        properties.put("segments.api.key", Cli.API_KEY);
        properties.put("segments.data.dir", Cli.sharedRealPath().toString());
        properties.put("segments.triggers.on-drift", "true");
        properties.put("segments.triggers.data", "data/cc_general/CC_GENERAL.csv");
        properties.put("segments.triggers.k", "4");
        properties.put("segments.triggers.check-seconds", "1");
        properties.put("segments.drift.live-window", "500");
        Cli cli = new Cli(properties);
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "4");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());

        assertThat(post("/api/v1/predict/batch", driftedCustomers(0, 1000)).statusCode()).isEqualTo(200);
        JsonNode job = awaitJobs(1, 30).get(0);
        job = awaitFinished(job.get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");

        // still drifted, but a job was just queued: the cool-down keeps it to one
        assertThat(post("/api/v1/predict/batch", driftedCustomers(1000, 2000)).statusCode()).isEqualTo(200);
        Thread.sleep(3000);
        assertThat(get("/api/v1/jobs")).hasSize(1);

        JsonNode models = get("/api/v1/models");
        JsonNode retrained = models.get(0);
        assertThat(retrained.get("version").asInt()).isEqualTo(2);
        assertThat(retrained.get("triggeredBy").asText())
                .startsWith("drift of live predictions against version 1: ")
                .contains("(drifted)")
                .contains("(job " + job.get("id").asText() + ")");
    }

    /** Customers of CC GENERAL with BALANCE moved by one standard deviation (about 2,080) and PURCHASES_TRX zeroed. */
    private static String driftedCustomers(int from, int to) throws Exception {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        ArrayNode batch = JSON.createArrayNode();
        for (String line : lines.subList(1 + from, 1 + to)) {
            batch.add(Cli.customerJson(header, line, (column, value) -> switch (column) {
                case "BALANCE" -> value + 2081.5;
                case "PURCHASES_TRX" -> 0.0;
                default -> value;
            }));
        }
        return batch.toString();
    }

    private JsonNode awaitJobs(int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode jobs = get("/api/v1/jobs");
        while (jobs.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            jobs = get("/api/v1/jobs");
        }
        assertThat(jobs).as("jobs queued by the trigger").hasSize(count);
        return jobs;
    }

    private JsonNode awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        JsonNode job = get("/api/v1/jobs/" + id);
        while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("state").asText())
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = get("/api/v1/jobs/" + id);
        }
        return job;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
