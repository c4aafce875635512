package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-time door over a real socket (issue 16), on a model trained by the CLI on a generated lifestyle log:
 * transactions in as JSON, NDJSON and CSV, a retry that counts once, the customer's profile, the move history, and
 * bad input refused by name with nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionsApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabases.Database database;
    private Cli cli;
    private Segments.Run server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    protected abstract TestDatabases.Database database(Path directory);

    @BeforeAll
    void start(@TempDir Path work) {
        database = database(work.resolve("db"));
        cli = Cli.on(database, work);
        Path log = work.resolve("log.csv");
        Cli.Result generated = cli.run("generate", "--transactions", "30000", "--customers", "600", "--out",
                log.toString(), "--seed", "3");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Cli.Result trained = cli.run("train", "--transactions", log.toString(), "--k", "5");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    private static String tx(String id, String customer, String date, double amount, String category) {
        return "{\"transaction_id\": \"" + id + "\", \"customer_id\": \"" + customer + "\", \"date\": \"" + date
                + "\", \"amount\": " + amount + ", \"category\": \"" + category + "\", \"bank\": \"Bank A\"}";
    }

    @Test
    void aTransactionIsAnsweredWithTheSegmentAndARetryCountsOnce() throws Exception {
        HttpResponse<String> first = post("application/json", tx("j-1", "R1", "2025-12-30", 40, "Dining"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(first.body()).get(0);
        assertThat(answer.get("customerId").asText()).isEqualTo("R1");
        assertThat(answer.get("duplicate").asBoolean()).isFalse();
        assertThat(answer.get("segment").asInt()).isBetween(0, 4);
        assertThat(answer.get("segmentName").asText()).startsWith("The ");
        assertThat(answer.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(answer.get("changed").asBoolean()).isTrue();
        assertThat(answer.has("previousSegment")).as("null fields are left out").isFalse();
        assertThat(answer.get("asOf").asText()).isEqualTo("2025-12-30");

        JsonNode retry = JSON.readTree(post("application/json", "[" + tx("j-1", "R1", "2025-12-30", 40, "Dining")
                + ", " + tx("j-2", "R1", "2025-12-31", 60, "Shopping") + "]").body());
        assertThat(retry.get(0).get("duplicate").asBoolean()).isTrue();
        assertThat(retry.get(1).get("duplicate").asBoolean()).isFalse();

        HttpResponse<String> customer = get("/api/v1/customers/R1");
        assertThat(customer.statusCode()).isEqualTo(200);
        JsonNode profile = JSON.readTree(customer.body());
        assertThat(profile.get("profile").get("monetary").asDouble()).isEqualTo(100);
        assertThat(profile.get("profile").get("frequency").asDouble()).isEqualTo(2);
        assertThat(profile.get("profile").get("share_Shopping").asDouble()).isEqualTo(0.6);
        assertThat(profile.get("groups").get("bank").asText()).isEqualTo("Bank A");
        assertThat(profile.get("segment").asInt()).isEqualTo(retry.get(1).get("segment").asInt());
        assertThat(profile.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(profile.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(profile.has("changedAt")).isTrue();
    }

    @Test
    void ndjsonAndCsvBodiesAreRecordedToo() throws Exception {
        HttpResponse<String> ndjson = post("application/x-ndjson", tx("n-1", "R2", "2025-12-01", 10, "Dining") + "\n\n"
                + tx("n-2", "R2", "2025-12-02", 12, "Dining") + "\n");
        assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(200);
        assertThat(JSON.readTree(ndjson.body())).hasSize(2);
        HttpResponse<String> csv = post("text/csv", "transaction_id,customer_id,date,amount,category\n"
                + "c-1,R2,2025-12-03,30,Utilities\nc-2,R2,2025-12-03,-30,Utilities\n");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        JsonNode answers = JSON.readTree(csv.body());
        assertThat(answers.get(1).get("excluded").asText()).isEqualTo("refund (negative amount)");
        JsonNode profile = JSON.readTree(get("/api/v1/customers/R2").body());
        assertThat(profile.get("profile").get("monetary").asDouble()).isEqualTo(52);
        assertThat(profile.get("profile").get("spend_Utilities").asDouble()).isEqualTo(30);
    }

    @Test
    void badInputIsRefusedByNameAndNothingIsStored() throws Exception {
        HttpResponse<String> bad = post("application/json", "[" + tx("b-1", "R3", "2025-12-01", 10, "Dining")
                + ", {\"transaction_id\": \"b-2\", \"customer_id\": \"R3\", \"date\": \"2025-12-01\", \"amount\": \"ten\"}]");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(bad.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_field");
        assertThat(error.get("field").asText()).isEqualTo("[1].amount");
        assertThat(error.get("message").asText()).contains("\"ten\" is not a number");
        assertThat(get("/api/v1/customers/R3").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/customers/R3").body()).get("error").asText()).isEqualTo("unknown_customer");

        HttpResponse<String> notJson = post("application/json", "{\"transaction_id\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").asText()).isEqualTo("invalid_json");

        HttpResponse<String> csv = post("text/csv", "transaction_id,customer_id,date,amount,colour\nx,R3,2025-12-01,5,red\n");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(csv.body()).get("message").asText()).contains("line 2").contains("unknown field 'colour'");

        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tx("k-1", "R3", "2025-12-01", 10, "Dining"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/customers/R3").statusCode()).isEqualTo(404);
    }

    @Test
    void movesIntoASegmentAreListedByItsNameSinceADate() throws Exception {
        JsonNode answer = JSON.readTree(post("application/json", tx("m-1", "R4", "2025-12-15", 95, "Shopping")).body()).get(0);
        String name = answer.get("segmentName").asText();
        HttpResponse<String> moves = get("/api/v1/segments/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/moves?since=2000-01-01");
        assertThat(moves.statusCode()).as(moves.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(moves.body());
        JsonNode move = null;
        for (JsonNode m : list) {
            if (m.get("customerId").asText().equals("R4")) {
                move = m;
            }
        }
        assertThat(move).as(list.toString()).isNotNull();
        assertThat(move.get("toName").asText()).isEqualTo(name);
        assertThat(move.get("cause").asText()).isEqualTo("transaction");
        assertThat(move.has("from")).as("a first segment comes from none").isFalse();
        assertThat(JSON.readTree(get("/api/v1/segments/" + answer.get("segment").asInt() + "/moves?since=2000-01-01")
                .body())).anyMatch(m -> m.get("customerId").asText().equals("R4"));
        HttpResponse<String> unknown = get("/api/v1/segments/Nobody/moves");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).contains("no segment of the active model");
        assertThat(get("/api/v1/segments/0/moves?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void theCliFollowsAFileAndListsTheMoves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.csv");
        java.nio.file.Files.writeString(file, """
                transaction_id,customer_id,date,amount,category,bank,location
                f-1,R5,2025-12-20,40,Dining,Bank B,Porto
                f-2,R5,2025-12-21,-5,Dining,Bank B,Porto
                f-3,R6,2025-12-21,120,Utilities,Bank A,Lisbon
                """);
        Cli.Result followed = cli.run("ingest", "--follow", file.toString());
        assertThat(followed.exitCode()).as(followed.err()).isZero();
        assertThat(followed.out()).contains("f-1 R5: segment ").contains("first segment")
                .contains("f-2 R5: not counted (refund (negative amount))").contains("Recorded 3 transactions");
        Cli.Result again = cli.run("ingest", "--follow", file.toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        java.util.List<String> lines = again.out().lines().toList();
        assertThat(lines).hasSize(3).allMatch(l -> l.contains("\"duplicate\":true"));
        assertThat(JSON.readTree(get("/api/v1/customers/R5").body()).get("profile").get("monetary").asDouble()).isEqualTo(40);

        Cli.Result moves = cli.run("moves", "--since", "2000-01-01", "--json");
        assertThat(moves.exitCode()).as(moves.err()).isZero();
        JsonNode list = JSON.readTree(moves.out()).get("moves");
        assertThat(list).anyMatch(m -> m.get("customerId").asText().equals("R6") && m.get("cause").asText().equals("transaction"));
        String name = JSON.readTree(get("/api/v1/customers/R6").body()).get("segmentName").asText();
        Cli.Result into = cli.run("moves", "--since", "2000-01-01", "--to", name);
        assertThat(into.exitCode()).as(into.err()).isZero();
        assertThat(into.out()).contains("R6").contains("(none) -> ").contains(name);

        Path live = dir.resolve("tailed.csv");
        java.nio.file.Files.writeString(live, "transaction_id,customer_id,date,amount,category,bank,location\n"
                + "t-1,R8,2025-12-22,30,Dining,Bank B,Porto\n");
        java.util.concurrent.CompletableFuture<Cli.Result> tailing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cli.run("ingest", "--follow", live.toString(), "--tail", "--idle-stop", "2"));
        Thread.sleep(700);
        java.nio.file.Files.writeString(live, "t-2,R8,2025-12-23,25,Dining,Bank B,Porto\n",
                java.nio.file.StandardOpenOption.APPEND);
        Cli.Result tailed = tailing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        assertThat(tailed.out()).contains("t-1 R8: segment ").contains("t-2 R8: segment ").contains("Recorded 2 transactions");
        assertThat(JSON.readTree(get("/api/v1/customers/R8").body()).get("profile").get("monetary").asDouble())
                .as("the line appended while the file was followed counts").isEqualTo(55);
        assertThat(cli.run("ingest", "--follow", "-", "--tail").exitCode()).isEqualTo(2);
        assertThat(cli.run("ingest", "--follow", live.toString(), "--idle-stop", "3").exitCode()).isEqualTo(2);

        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "transaction_id,customer_id,date,amount\nb-9,R7,31/12/2025,5\n");
        Cli.Result refused = cli.run("ingest", "--follow", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("line 2").contains("field 'date'");
        assertThat(cli.run("moves", "--since", "last week").exitCode()).isEqualTo(2);
        assertThat(cli.run("moves", "--since", "2000-01-01", "--to", "Nobody").exitCode()).isEqualTo(1);
        assertThat(cli.run("ingest").exitCode()).isEqualTo(2);

        Cli.Result checked = cli.run("check-profiles", "--json");
        assertThat(checked.exitCode()).as(checked.err()).isZero();
        JsonNode check = JSON.readTree(checked.out());
        assertThat(check.get("consistent").asBoolean()).isTrue();
        assertThat(check.get("profiles").asLong()).isEqualTo(check.get("agreeing").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rescoringProgressIsShownAndTheRouteIsNotACustomer() throws Exception {
        HttpResponse<String> progress = get("/api/v1/customers/rescore");
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(progress.body());
        assertThat(body.get("activeVersion").asInt()).isEqualTo(1);
        assertThat(body.get("remaining").asLong()).isZero();
        assertThat(body.get("done").asBoolean()).isTrue();
    }

    /** Many clients post for the same customers at once, each transaction twice: no lost update, no double count. */
    @Test
    void concurrentPostsLoseNothingAndRetriesCountOnce() throws Exception {
        int clients = 8;
        int each = 25;
        java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String body = tx("p-" + client + "-" + i, "P" + (i % 3), "2025-12-" + (10 + i % 15), 1 + client + i, "Dining");
                        HttpResponse<String> first = post("application/json", body);
                        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
                        if (JSON.readTree(post("application/json", body).body()).get(0).get("duplicate").asBoolean()) {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(duplicates.get()).isEqualTo(clients * each);
        double frequency = 0;
        for (int p = 0; p < 3; p++) {
            frequency += JSON.readTree(get("/api/v1/customers/P" + p).body()).get("profile").get("frequency").asDouble();
        }
        assertThat(frequency).as("every transaction counted once").isEqualTo(clients * each);
        Cli.Result checked = cli.run("check-profiles");
        assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/transactions")).header("Content-Type", contentType)
                .header("X-API-Key", Cli.API_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
