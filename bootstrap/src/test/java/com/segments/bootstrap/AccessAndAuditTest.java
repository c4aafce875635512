package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys with roles and the audit, through both doors: keys made by the CLI work on a running server with the powers
 * of their role and no more; every change (HTTP or CLI) and every refused key is in {@code segments audit} and
 * {@code GET /api/v1/audit} with who, what, target, outcome and address; a revoked key stops working; repeated
 * wrong keys from one address are answered 429 with Retry-After, even when a right key follows.
 */
class AccessAndAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "cli:" + System.getProperty("user.name");

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Cli cli;
    private Segments.Run server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void train() {
        database = TestDatabases.h2(work.resolve("db"));
        Map<String, Object> properties = new HashMap<>(Cli.on(database, work).properties());
        properties.put("segments.api.keys-refresh", "200ms");
        properties.put("segments.api.bad-keys.allowed", "3");
        cli = new Cli(properties);
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "3", "--restarts", "1");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    private void serve(Cli on) {
        server = on.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
    }

    @Test
    void eachRoleDoesWhatItMayAndEveryChangeAndRefusalIsAudited() throws Exception {
        String reader = key("reader", "predict-only");
        String ops = key("ops", "operator");
        String boss = key("boss", "admin");
        Cli.Result listed = cli.run("keys", "list", "--json");
        assertThat(listed.json()).extracting(k -> k.get("name").asText()).containsExactly("reader", "ops", "boss");
        assertThat(listed.out()).doesNotContain(reader).doesNotContain(ops).doesNotContain(boss);
        serve(cli);

        String customer = customer();
        assertThat(send("POST", "/api/v1/predict", customer, reader).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/predict", customer, null).statusCode()).as("reads stay open by default").isEqualTo(200);
        expectError(send("POST", "/api/v1/retrain", "{\"data\": \"x.csv\"}", reader), 403, "role_not_allowed");
        expectError(send("PUT", "/api/v1/segments/0", "{\"name\": \"Big\"}", reader), 403, "role_not_allowed");

        assertThat(send("PUT", "/api/v1/segments/0", "{\"name\": \"Big Spenders\", \"offers\": [\"Lounge\"]}", ops)
                .statusCode()).isEqualTo(200);
        expectError(send("POST", "/api/v1/models/1/activate", "", ops), 403, "role_not_allowed");
        expectError(send("DELETE", "/api/v1/jobs/no-such-job", "", ops), 404, "unknown_job");
        expectError(send("GET", "/api/v1/audit", null, ops), 403, "role_not_allowed");

        assertThat(send("POST", "/api/v1/models/1/activate", "", boss).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/aliases/champion", "{\"version\": 1}", Cli.API_KEY).statusCode())
                .as("the configured key is an admin key named config").isEqualTo(200);
        expectError(send("POST", "/api/v1/models/rollback", "", null), 401, "api_key_missing");
        expectError(send("POST", "/api/v1/models/rollback", "", "sgk_guess"), 403, "api_key_wrong");

        Cli.Result activated = cli.run("models", "activate", "1");
        assertThat(activated.exitCode()).as(activated.err()).isZero();
        assertThat(cli.run("models", "activate", "99").exitCode()).isEqualTo(1);

        HttpResponse<String> answered = send("GET", "/api/v1/audit", null, boss);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        List<String> http = lines(JSON.readTree(answered.body()));
        List<String> local = lines(cli.run("audit", "--json").json());
        assertThat(local).isEqualTo(http);
        assertThat(http).containsSubsequence(
                ME + " train customers " + Cli.CC_GENERAL + " OK local",
                ME + " key.add key reader OK local",
                ME + " key.add key ops OK local",
                ME + " key.add key boss OK local",
                "reader retrain  REFUSED 127.0.0.1",
                "reader segment.edit segment 0 REFUSED 127.0.0.1",
                "ops segment.edit segment 0 OK 127.0.0.1",
                "ops model.activate version 1 REFUSED 127.0.0.1",
                "ops job.cancel job no-such-job FAILED 127.0.0.1",
                "ops api.access GET /api/v1/audit REFUSED 127.0.0.1",
                "boss model.activate version 1 OK 127.0.0.1",
                "config alias.set alias champion OK 127.0.0.1",
                "anonymous model.rollback  REFUSED 127.0.0.1",
                "anonymous model.rollback  REFUSED 127.0.0.1",
                ME + " model.activate version 1 OK local",
                ME + " model.activate version 99 FAILED local");
        JsonNode entries = JSON.readTree(answered.body());
        JsonNode edit = find(entries, "segment.edit", "OK");
        assertThat(edit.get("detail").asText()).isEqualTo("200 segment 0 'Big Spenders', 1 offers");
        assertThat(find(entries, "job.cancel", "FAILED").get("detail").asText()).startsWith("404 unknown_job: ");
        assertThat(find(entries, "model.rollback", "REFUSED").get("detail").asText()).isEqualTo("401 api_key_missing");
        assertThat(cli.run("audit", "--since", "2999-01-01", "--json").json()).isEmpty();
        assertThat(cli.run("audit", "--since", "yesterday").err()).contains("'--since'").contains("is not a date");
    }

    @Test
    void aRevokedKeyStopsWorkingAndKeysCanBeManagedOverHttp() throws Exception {
        String ops = key("ops", "operator");
        serve(cli);
        assertThat(send("PUT", "/api/v1/segments/1", "{\"name\": \"Savers\"}", ops).statusCode()).isEqualTo(200);

        assertThat(cli.run("keys", "revoke", "ops").exitCode()).isZero();
        assertThat(cli.run("keys", "revoke", "ops").err()).contains("no working key is named 'ops'");
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            Thread.sleep(50);
            status = send("PUT", "/api/v1/segments/1", "{\"name\": \"Savers\"}", ops).statusCode();
        } while (status != 403 && System.nanoTime() < deadline);
        assertThat(status).as("a key revoked by another process stops within the refresh interval").isEqualTo(403);

        HttpResponse<String> made = send("POST", "/api/v1/keys", "{\"name\": \"ci\", \"role\": \"operator\"}", Cli.API_KEY);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String ci = JSON.readTree(made.body()).get("key").asText();
        assertThat(ci).startsWith("sgk_").hasSize(47);
        HttpResponse<String> atOnce = send("PUT", "/api/v1/segments/1", "{\"name\": \"Thrifty\"}", ci);
        assertThat(atOnce.statusCode()).as("at once: " + atOnce.body()).isEqualTo(200);
        expectError(send("POST", "/api/v1/keys", "{\"name\": \"ci\", \"role\": \"admin\"}", Cli.API_KEY), 409, "key_exists");
        expectError(send("POST", "/api/v1/keys", "{\"name\": \"x\", \"role\": \"root\"}", Cli.API_KEY), 400, "invalid_field");
        expectError(send("POST", "/api/v1/keys", "{\"name\": \"config\", \"role\": \"admin\"}", Cli.API_KEY), 400, "invalid_field");
        expectError(send("POST", "/api/v1/keys", "{\"name\": \"y\", \"role\": \"admin\"}", ci), 403, "role_not_allowed");

        JsonNode list = JSON.readTree(send("GET", "/api/v1/keys", null, Cli.API_KEY).body());
        assertThat(list).extracting(k -> k.get("name").asText() + (k.hasNonNull("revokedAt") ? " revoked" : " working"))
                .containsExactly("ops revoked", "ci working");
        assertThat(list.toString()).doesNotContain(ci.substring(8));

        assertThat(send("DELETE", "/api/v1/keys/ci", "", Cli.API_KEY).statusCode()).isEqualTo(200);
        expectError(send("PUT", "/api/v1/segments/1", "{\"name\": \"Thrifty\"}", ci), 403, "api_key_wrong");
        expectError(send("DELETE", "/api/v1/keys/ci", "", Cli.API_KEY), 404, "unknown_key");
        List<String> audit = lines(cli.run("audit", "--json").json());
        assertThat(audit).containsSubsequence(ME + " key.revoke key ops OK local", "config key.add  OK 127.0.0.1",
                "config key.revoke key ci OK 127.0.0.1", "config key.revoke key ci FAILED 127.0.0.1");
    }

    @Test
    void repeatedWrongKeysFromOneAddressAreSlowedDownEvenWhenARightOneFollows() throws Exception {
        serve(cli);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = send("POST", "/api/v1/models/rollback", "", "sgk_guess" + i);
            expectError(wrong, 403, "api_key_wrong");
            assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
        }
        HttpResponse<String> fourth = send("POST", "/api/v1/models/rollback", "", "sgk_guess3");
        expectError(fourth, 403, "api_key_wrong");
        assertThat(fourth.headers().firstValue("Retry-After")).hasValue("1");

        Thread.sleep(1_100);
        HttpResponse<String> fifth = send("POST", "/api/v1/models/rollback", "", "sgk_guess4");
        assertThat(fifth.headers().firstValue("Retry-After")).as("the delay doubles").hasValue("2");
        // within those 2 s, even the right key is not looked at
        HttpResponse<String> throttled = send("PUT", "/api/v1/aliases/champion", "{\"version\": 1}", Cli.API_KEY);
        expectError(throttled, 429, "too_many_bad_keys");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(send("POST", "/api/v1/predict", customer(), null).statusCode()).as("open routes stay open").isEqualTo(200);
        Thread.sleep(2_100);
        assertThat(send("PUT", "/api/v1/aliases/champion", "{\"version\": 1}", Cli.API_KEY).statusCode()).isEqualTo(200);
        assertThat(lines(cli.run("audit", "--json").json()).stream().filter(l -> l.startsWith("anonymous model.rollback"))
                .count()).isEqualTo(5);
    }

    @Test
    void readsCanNeedAKeyToo() throws Exception {
        String reader = key("reader", "predict-only");
        Map<String, Object> properties = new HashMap<>(cli.properties());
        properties.put("segments.api.require-key-for-reads", "true");
        serve(new Cli(properties));
        expectError(send("GET", "/api/v1/models", null, null), 401, "api_key_missing");
        expectError(send("POST", "/api/v1/predict", customer(), null), 401, "api_key_missing");
        expectError(send("GET", "/api/v1/models", null, "nope"), 403, "api_key_wrong");
        assertThat(send("GET", "/api/v1/models", null, reader).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/predict", customer(), reader).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health", null, null).statusCode()).as("health stays open for probes").isEqualTo(200);
        assertThat(lines(cli.run("audit", "--json").json())).contains("anonymous api.access GET /api/v1/models REFUSED 127.0.0.1");
    }

    private String key(String name, String role) {
        Cli.Result made = cli.run("keys", "add", name, "--role", role);
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("shown only this once");
        return made.out().strip();
    }

    private static List<String> lines(JsonNode entries) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : entries) {
            // the server leaves empty and null members out; the CLI writes them
            lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("target").asText() + " "
                    + e.path("outcome").asText() + " " + e.path("source").asText());
        }
        return lines;
    }

    private static JsonNode find(JsonNode entries, String action, String outcome) {
        for (JsonNode e : entries) {
            if (e.get("action").asText().equals(action) && e.get("outcome").asText().equals(outcome)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " " + outcome + " in " + entries);
    }

    private static void expectError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(code);
    }

    private static String customer() throws Exception {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        return Cli.customerJson(lines.getFirst().split(","), lines.get(1)).toString();
    }

    private HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
