package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus of issue 12: several hundred generated requests, each wrong in one way, across every route
 * and method, sent over a raw socket (so that Host, lengths and framing can be wrong too). Every one must be
 * refused with a 4xx in the documented shape ({@code status}, {@code error}, {@code message}) that names no class,
 * path or SQL, with the security headers; none may answer 2xx or 5xx. Afterwards the server is healthy, the active
 * version is the same and no version or job was added.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bSQL\\b|jdbc|org\\.h2|com\\.segments|java\\.[a-z]+\\.|io\\.micronaut|io\\.netty|\\tat |/tmp/|/home/|/root/|/work/");

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Segments.Run server;
    private int port;
    private Path data;

    /** One request of the corpus and the statuses it may answer. */
    private record Case(String name, String method, String target, Map<String, String> headers, byte[] body,
                        Set<Integer> expected) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final List<Case> corpus = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        database = TestDatabases.h2(work.resolve("db"));
        data = Files.createDirectories(work.resolve("data"));
        Files.copy(Cli.CC_GENERAL, data.resolve("customers.csv"));
        Files.writeString(data.resolve("deep.yml"), "derived:\n  - name: DEEP\n    formula: \""
                + "(".repeat(3_000) + "BALANCE" + ")".repeat(3_000) + "\"\n");
        Files.writeString(data.resolve("chain.yml"), "derived:\n  - name: CHAIN\n    formula: \"BALANCE"
                + " + BALANCE".repeat(1_000) + "\"\n");
        Files.writeString(data.resolve("broken.yml"), "derived: [ {name: X, formula: \"BALANCE +\"} ]\n");
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("segments.home", work.resolve("home").toString());
        properties.put("segments.api.key", Cli.API_KEY);
        properties.put("segments.data.dir", data.toRealPath().toString());
        Cli cli = new Cli(properties);
        Cli.Result trained = cli.run("train", "--data", data.resolve("customers.csv").toString(), "--k", "4",
                "--restarts", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        server = cli.serve();
        port = server.context().getBean(EmbeddedServer.class).getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @Test
    void everyBadRequestIsRefusedInTheDocumentedShapeAndChangesNothing() throws Exception {
        JsonNode modelsBefore = JSON.readTree(send("GET", "/api/v1/models", Map.of(), null).body());
        JsonNode model = JSON.readTree(send("GET", "/api/v1/models/1", Map.of(), null).body());
        List<String> numeric = new ArrayList<>();
        model.get("segmentProfiles").get(0).get("centre").fieldNames().forEachRemaining(numeric::add);
        assertThat(numeric).hasSizeGreaterThan(5);
        Map<String, Object> customer = customer();

        // The control: a good request works, so the corpus measures refusals, not a dead server.
        Answer good = send("POST", "/api/v1/predict", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(customer));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.headers()).containsEntry("x-content-type-options", "nosniff").containsEntry("cache-control", "no-store")
                .containsEntry("x-frame-options", "DENY");

        predictCases(customer, numeric);
        batchCases(customer, numeric);
        csvCases();
        retrainCases();
        registryCases();
        transactionCases();
        segmentCases();
        jobCases();
        accessCases();
        edgeCases();
        assertThat(corpus.size()).as("corpus size").isGreaterThanOrEqualTo(300);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Case c : corpus) {
            Answer answer;
            try {
                answer = send(c.method(), c.target(), c.headers(), c.body());
            } catch (IOException e) {
                failures.add(c.name() + ": no answer (" + e.getMessage() + ")");
                continue;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = problem(c, answer);
            if (problem != null) {
                failures.add(c.name() + " -> " + answer.status() + ": " + problem + " | "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        System.out.println("bad-input corpus: " + corpus.size() + " cases, answers by status " + byStatus);
        assertThat(failures).as("cases answered wrongly").isEmpty();

        // Nothing changed: healthy, the same active version, no version and no job added.
        Answer health = send("GET", "/health", Map.of(), null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        assertThat(JSON.readTree(health.body()).get("activeModelVersion").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(send("GET", "/api/v1/models", Map.of(), null).body())).isEqualTo(modelsBefore);
        assertThat(JSON.readTree(send("GET", "/api/v1/jobs", Map.of(), null).body())).isEmpty();
        assertThat(JSON.readTree(send("GET", "/api/v1/keys", Map.of("X-API-Key", Cli.API_KEY), null).body()))
                .as("no key was made").isEmpty();
        assertThat(send("POST", "/api/v1/predict", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(customer)).status()).isEqualTo(200);
    }

    @Test
    void aStalledRequestIsDroppedInSecondsWhileAnIdleOneIsNot() throws Exception {
        long started = System.nanoTime();
        try (Socket shortBody = new Socket("127.0.0.1", port); Socket halfHeaders = new Socket("127.0.0.1", port)) {
            shortBody.getOutputStream().write(("POST /api/v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 1000\r\n\r\n{\"BALANCE\": 1").getBytes(StandardCharsets.US_ASCII));
            halfHeaders.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"
                    .getBytes(StandardCharsets.US_ASCII));
            for (Socket socket : List.of(shortBody, halfHeaders)) {
                socket.setSoTimeout(30_000);
                try {
                    socket.getInputStream().readAllBytes(); // ends when the server closes the connection
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the server still held a stalled request after 30 s");
                } catch (IOException e) {
                    // reset by the server: dropped, which is what is wanted
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("seconds until a stalled request is dropped").isBetween(5.0, 20.0);

        // A connection that has sent a whole request and waits for the next one stays open past that time.
        try (Socket keepAlive = new Socket("127.0.0.1", port)) {
            keepAlive.setSoTimeout(30_000);
            OutputStream out = keepAlive.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(12_000);
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = new String(readAll(keepAlive.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answers.split("HTTP/1.1 200", -1)).as(answers).hasSize(3);
        }
    }

    private String problem(Case c, Answer a) {
        if (a.status() < 400 || a.status() >= 500) {
            return "not a 4xx";
        }
        if (!c.expected().isEmpty() && !c.expected().contains(a.status())) {
            return "expected one of " + c.expected();
        }
        if (!a.headers().getOrDefault("content-type", "").startsWith("application/json")) {
            return "content type " + a.headers().get("content-type");
        }
        if (!"nosniff".equals(a.headers().get("x-content-type-options"))) {
            return "no nosniff header";
        }
        if (c.target().startsWith("/api/") && !"no-store".equals(a.headers().get("cache-control"))) {
            return "no Cache-Control: no-store";
        }
        JsonNode body;
        try {
            body = JSON.readTree(a.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (body == null || !body.path("status").isInt() || body.get("status").asInt() != a.status()
                || !body.path("error").isTextual() || body.get("error").asText().isBlank()
                || !body.path("message").isTextual() || body.get("message").asText().isBlank()) {
            return "not the documented shape";
        }
        if (INTERNALS.matcher(a.body()).find()) {
            return "names internals";
        }
        return null;
    }

    // ---- the corpus ------------------------------------------------------------------------------------------

    private void add(String name, String method, String target, Map<String, String> headers, String body,
                     Integer... expected) {
        corpus.add(new Case(name, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Set.of(expected)));
    }

    private void json(String name, String method, String target, String body, boolean key, Integer... expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (key) {
            headers.put("X-API-Key", Cli.API_KEY);
        }
        add(name, method, target, headers, body, expected);
    }

    private String with(Map<String, Object> customer, String field, String rawValue) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>(customer);
        copy.remove(field);
        String json = JSON.writeValueAsString(copy);
        return json.substring(0, json.length() - 1) + ", " + JSON.writeValueAsString(field) + ": " + rawValue + "}";
    }

    private void predictCases(Map<String, Object> customer, List<String> numeric) throws IOException {
        String good = JSON.writeValueAsString(customer);
        String[] malformed = {"", " ", "{", "}", "[", "{\"BALANCE\": }", "{BALANCE: 1}", "{'BALANCE': 1}",
                "{\"BALANCE\": 1,}", "{\"BALANCE\": 01}", "{\"BALANCE\": .5}", "{\"BALANCE\": +1}", "{\"BALANCE\": 0x10}",
                "{\"BALANCE\": NaN}", "{\"BALANCE\": Infinity}", "{\"BALANCE\": -Infinity}", "{\"BALANCE\": 1e999}",
                "{\"BALANCE\": -1e999}", "{\"BALANCE\": \"\\ud800\"", "\u0000", "null", "true", "42", "\"text\"", "[]",
                "[1, 2]", good + " trailing", good + "{}", good + good, good + ",", good + "]",
                "{\"a\": 1, \"a\": 2}", "/* comment */ " + good, good.replace("{", "{\n// comment\n"),
                "[".repeat(200) + "]".repeat(200), "{\"a\":".repeat(100) + "1" + "}".repeat(100),
                "{\"" + "k".repeat(200_000) + "\": 1}"};
        for (int i = 0; i < malformed.length; i++) {
            json("predict malformed #" + i, "POST", "/api/v1/predict", malformed[i], false, 400);
        }
        json("predict duplicate feature", "POST", "/api/v1/predict",
                with(customer, numeric.get(0), "1, " + JSON.writeValueAsString(numeric.get(0)) + ": 2"), false, 400);
        String[] badNumbers = {"\"\"", "\"  \"", "\"NaN\"", "\"NA\"", "\"null\"", "\"abc\"", "true", "false", "[]", "[1]", "{}",
                "{\"v\": 1}", "1.7976931348623157e308", "-1e16", "1e300", "\"1e999\"", "\"\\u0000\""};
        for (String field : numeric.subList(0, 6)) {
            for (String value : badNumbers) {
                json("predict " + field + "=" + value, "POST", "/api/v1/predict", with(customer, field, value), false, 400);
            }
        }
        json("predict unknown field", "POST", "/api/v1/predict", with(customer, "NOT_A_FIELD", "1"), false, 400);
        json("predict NUL in a field name", "POST", "/api/v1/predict", with(customer, "BAL\u0000ANCE", "1"), false, 400);
        json("predict bidi in a field name", "POST", "/api/v1/predict", with(customer, "BAL\u202EANCE", "1"), false, 400);
        Map<String, Object> missing = new LinkedHashMap<>(customer);
        missing.remove(numeric.get(1));
        json("predict missing field", "POST", "/api/v1/predict", JSON.writeValueAsString(missing), false, 400);
        json("predict id too long", "POST", "/api/v1/predict", with(customer, "CUST_ID", JSON.writeValueAsString("x".repeat(5_000))), false, 400);
        json("predict id with bidi", "POST", "/api/v1/predict", with(customer, "CUST_ID", "\"C1\\u202E\""), false, 400);
        for (String version : new String[]{"%EF%BC%91", "1.5", "0", "-1", "abc", "99999999999", "1e0", "%20", "%00", "9999"}) {
            json("predict ?version=" + version, "POST", "/api/v1/predict?version=" + version, good, false, 400, 404);
        }
        for (String model : new String[]{"%EF%BC%91", "1.5", "Champion", "x".repeat(100), "active%00", "%E2%80%AE", "9999",
                "nosuchalias", "a%20b"}) {
            json("predict ?model=" + model, "POST", "/api/v1/predict?model=" + model, good, false, 400, 404);
        }
    }

    private void batchCases(Map<String, Object> customer, List<String> numeric) throws IOException {
        String good = JSON.writeValueAsString(customer);
        String[] bodies = {"", "{}", good, "[" + good + "] x", "[" + good + ",]", "[1]", "[null]", "[\"x\"]", "[[" + good + "]]",
                "[" + good + ", " + with(customer, numeric.get(0), "\"\"") + "]",
                "[" + good + ", " + with(customer, numeric.get(0), "[1]") + "]",
                "[" + with(customer, numeric.get(2), "1e309") + "]",
                "[" + String.join(",", Collections.nCopies(10_001, "{}")) + "]"};
        for (int i = 0; i < bodies.length; i++) {
            json("batch #" + i, "POST", "/api/v1/predict/batch", bodies[i], false, 400, 413);
        }
        json("batch ?model=%EF%BC%91", "POST", "/api/v1/predict/batch?model=%EF%BC%91", "[" + good + "]", false, 400);
    }

    private void csvCases() {
        String header = "CUST_ID,BALANCE,BALANCE_FREQUENCY,PURCHASES,ONEOFF_PURCHASES,INSTALLMENTS_PURCHASES,CASH_ADVANCE,"
                + "PURCHASES_FREQUENCY,ONEOFF_PURCHASES_FREQUENCY,PURCHASES_INSTALLMENTS_FREQUENCY,CASH_ADVANCE_FREQUENCY,"
                + "CASH_ADVANCE_TRX,PURCHASES_TRX,CREDIT_LIMIT,PAYMENTS,MINIMUM_PAYMENTS,PRC_FULL_PAYMENT,TENURE\n";
        String row = "C1,40.9,0.8,95.4,0,95.4,0,0.16,0,0.08,0,0,2,1000,201.8,139.5,0,12\n";
        String[] bodies = {"", "\n", "a,b\n1,2\n", header + row.replace("40.9", "lots"), header + row.replace("40.9", "1e999"),
                header + "C1,1,2\n", header + row + "C2\n", "\u0000\u0001\u0002",
                header.replace("BALANCE,", "BALANCE,BALANCE,") + row};
        for (int i = 0; i < bodies.length; i++) {
            add("csv #" + i, "POST", "/api/v1/predict/batch", Map.of("Content-Type", "text/csv", "Accept", "text/csv"),
                    bodies[i], 400);
        }
        add("csv ?delimiter=ab", "POST", "/api/v1/predict/batch?delimiter=ab",
                Map.of("Content-Type", "text/csv", "Accept", "text/csv"), header + row, 400);
    }

    private void retrainCases() {
        String[] bodies = {"", "[]", "\"customers.csv\"", "{}", "{\"data\": null}", "{\"data\": [\"customers.csv\"]}",
                "{\"data\": 1}", "{\"data\": {\"x\": 1}}", "{\"data\": true}", "{\"data\": \"\"}", "{\"data\": \"  \"}",
                "{\"data\": \"missing.csv\"}", "{\"data\": \"../../etc/passwd\"}", "{\"data\": \"/etc/passwd\"}",
                "{\"data\": \"/nonexistent/x.csv\"}", "{\"data\": \"cust\\u0000omers.csv\"}", "{\"data\": \"customers.csv\\u202E\"}",
                "{\"data\": \"" + "x".repeat(5_000) + "\"}", "{\"data\": \"customers.csv\", \"data\": \"customers.csv\"}",
                "{\"data\": \"customers.csv\"} {}", "{\"data\": \"customers.csv\", \"extra\": 1}",
                "{\"data\": \"customers.csv\", \"algorithm\": \"nope\"}",
                "{\"data\": \"customers.csv\", \"algorithm\": \"" + "a".repeat(1_000_000) + "\"}",
                "{\"data\": \"customers.csv\", \"algorithm\": [\"kmeans\"]}", "{\"data\": \"customers.csv\", \"algorithm\": 1}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 4.5}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": \"3\"}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": null}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 1000000}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 0}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": -3}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 99999999999}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 3e0}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": true}}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"nope\": 3}}",
                "{\"data\": \"customers.csv\", \"parameters\": [3]}", "{\"data\": \"customers.csv\", \"parameters\": 3}",
                "{\"data\": \"customers.csv\", \"parameters\": {\"k\": 3, \"restarts\": 100000}}",
                "{\"data\": \"customers.csv\", \"transactions\": \"yes\"}", "{\"data\": \"customers.csv\", \"transactions\": 1}",
                "{\"data\": \"customers.csv\", \"transactions\": \"true\"}", "{\"data\": \"customers.csv\", \"seed\": \"1\"}",
                "{\"data\": \"customers.csv\", \"seed\": 1.5}", "{\"data\": \"customers.csv\", \"seed\": 1e400}",
                "{\"data\": \"customers.csv\", \"seed\": 123456789012345678901234567890}",
                "{\"data\": \"customers.csv\", \"delimiter\": \"ab\"}", "{\"data\": \"customers.csv\", \"delimiter\": 44}",
                "{\"data\": \"customers.csv\", \"features\": \"missing.yml\"}",
                "{\"data\": \"customers.csv\", \"features\": \"deep.yml\"}",
                "{\"data\": \"customers.csv\", \"features\": \"chain.yml\"}",
                "{\"data\": \"customers.csv\", \"features\": \"broken.yml\"}",
                "{\"data\": \"customers.csv\", \"features\": \"/etc/passwd\"}",
                "{\"data\": \"customers.csv\", \"features\": [\"deep.yml\"]}"};
        for (int i = 0; i < bodies.length; i++) {
            json("retrain #" + i, "POST", "/api/v1/retrain", bodies[i], true, 400);
        }
        json("retrain without key", "POST", "/api/v1/retrain", "{\"data\": \"customers.csv\"}", false, 401);
        add("retrain wrong key", "POST", "/api/v1/retrain", Map.of("Content-Type", "application/json", "X-API-Key", "nope"),
                "{\"data\": \"customers.csv\"}", 403);
        add("retrain as text/plain", "POST", "/api/v1/retrain", Map.of("Content-Type", "text/plain", "X-API-Key", Cli.API_KEY),
                "{\"data\": \"customers.csv\"}", 415);
        add("retrain as form", "POST", "/api/v1/retrain", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-API-Key", Cli.API_KEY), "data=customers.csv", 415);
    }

    /** Keys and the audit (docs/security.md): bad bodies, names, roles, dates and limits; no key; a wrong key. */
    private void accessCases() {
        String[] bodies = {"", " ", "[]", "{}", "null", "{\"name\": \"\"}", "{\"name\": \"ops\"}",
                "{\"name\": \"a b\", \"role\": \"admin\"}", "{\"name\": \"ops\", \"role\": \"root\"}",
                "{\"name\": \"ops\", \"role\": \"\"}", "{\"name\": \"ops\", \"role\": 1}",
                "{\"name\": 5, \"role\": \"admin\"}", "{\"name\": [\"ops\"], \"role\": \"admin\"}",
                "{\"name\": \"config\", \"role\": \"admin\"}", "{\"name\": \"anonymous\", \"role\": \"admin\"}",
                "{\"name\": \"ops\", \"role\": \"admin\", \"key\": \"mine\"}",
                "{\"name\": \"" + "x".repeat(65) + "\", \"role\": \"admin\"}",
                "{\"name\": \"a\u202Eb\", \"role\": \"admin\"}", "{\"name\": \"a\\u0000b\", \"role\": \"admin\"}",
                "{\"name\": \"a\", \"name\": \"b\", \"role\": \"admin\"}",
                "{\"name\": \"ops\", \"role\": \"admin\"} trailing", "{\"name\": \"cli:me\", \"role\": \"admin\"}",
                "{\"name\": \"ops\", \"role\": [\"admin\"]}"};
        for (int i = 0; i < bodies.length; i++) {
            json("key add #" + i, "POST", "/api/v1/keys", bodies[i], true, 400);
        }
        json("key add without key", "POST", "/api/v1/keys", "{\"name\": \"ops\", \"role\": \"admin\"}", false, 401);
        add("key add wrong key", "POST", "/api/v1/keys", Map.of("Content-Type", "application/json", "X-API-Key",
                "sgk_" + "A".repeat(43)), "{\"name\": \"ops\", \"role\": \"admin\"}", 403);
        add("key add as text/plain", "POST", "/api/v1/keys", Map.of("Content-Type", "text/plain", "X-API-Key", Cli.API_KEY),
                "{\"name\": \"ops\", \"role\": \"admin\"}", 415);
        for (String name : new String[]{"nobody", "config", "%00", "a%E2%80%AEb", "x".repeat(65), "..", "a%2Fb"}) {
            json("key revoke " + name, "DELETE", "/api/v1/keys/" + name, null, true, 400, 404);
        }
        json("key revoke without key", "DELETE", "/api/v1/keys/nobody", null, false, 401);
        add("key list without key", "GET", "/api/v1/keys", Map.of(), null, 401);
        add("audit without key", "GET", "/api/v1/audit", Map.of(), null, 401);
        for (String query : new String[]{"since=yesterday", "since=2026-13-01", "since=%00", "since=2026-03-01T10:00",
                "limit=0", "limit=-1", "limit=abc", "limit=100001", "limit=1.5", "limit=%EF%BC%91"}) {
            add("audit ?" + query, "GET", "/api/v1/audit?" + query, Map.of("X-API-Key", Cli.API_KEY), null, 400);
        }
        add("drift upload without key", "POST", "/api/v1/drift", Map.of("Content-Type", "text/csv"), "A,B\n1,2\n", 401);
    }

    /** The real-time door: bad transactions, bad customer ids and bad move queries (issue 16). */
    private void transactionCases() {
        String[] bodies = {"", "{}", "[]", "1", "[1]", "{\"transaction_id\": \"t\"}", "{\"transaction_id\": \"t\"} x",
                "{\"transaction_id\": \"t\", \"customer_id\": \"c\", \"date\": \"2026-13-01\", \"amount\": 1}",
                "{\"transaction_id\": \"t\", \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": \"1x\"}",
                "{\"transaction_id\": \"t\", \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": [1]}",
                "{\"transaction_id\": \"t\", \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": 1, \"x\": 1}",
                "{\"transaction_id\": {}, \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": 1}",
                "{\"transaction_id\": \"" + "t".repeat(500) + "\", \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": 1}",
                "{\"transaction_id\": \"t\", \"customer_id\": \"c\", \"date\": \"2026-01-01\", \"amount\": 1}"};
        for (int i = 0; i < bodies.length; i++) { // the last is well-formed: this model was not trained on transactions
            json("transactions #" + i, "POST", "/api/v1/transactions", bodies[i], true, 400, 409);
        }
        json("transactions without key", "POST", "/api/v1/transactions", bodies[bodies.length - 1], false, 401);
        add("transactions csv without header", "POST", "/api/v1/transactions",
                Map.of("Content-Type", "text/csv", "X-API-Key", Cli.API_KEY), "", 400);
        add("transactions ndjson broken", "POST", "/api/v1/transactions",
                Map.of("Content-Type", "application/x-ndjson", "X-API-Key", Cli.API_KEY), "{\"a\":\n", 400);
        for (String id : new String[] {"nobody", "%00", "%E2%80%AE1", "x".repeat(300)}) {
            json("customer " + id.substring(0, Math.min(id.length(), 12)), "GET", "/api/v1/customers/" + id, null, false, 400, 404);
        }
        for (String query : new String[] {"since=yesterday", "since=2026-02-30", "limit=0", "limit=abc", "limit=99999999"}) {
            json("moves ?" + query, "GET", "/api/v1/segments/0/moves?" + query, null, false, 400);
        }
        json("moves of no segment name", "GET", "/api/v1/segments/Nobody/moves", null, false, 400);
    }

    private void registryCases() {
        String[] versions = {"%EF%BC%91", "1.5", "0", "-1", "abc", "99999999999", "1e0", "%00", "%E2%80%AE1", "9999", "01x"};
        for (String v : versions) {
            json("activate " + v, "POST", "/api/v1/models/" + v + "/activate", "", true, 400, 404);
            json("show " + v, "GET", "/api/v1/models/" + v, null, false, 400, 404);
        }
        json("activate without key", "POST", "/api/v1/models/1/activate", "", false, 401);
        json("rollback without key", "POST", "/api/v1/models/rollback", "", false, 401);
        json("rollback with nothing before", "POST", "/api/v1/models/rollback", "", true, 400, 409);
        String[] aliasBodies = {"", "{}", "{\"version\": \"1\"}", "{\"version\": 1.5}", "{\"version\": \"\uFF11\"}",
                "{\"version\": null}", "{\"version\": [1]}", "{\"version\": true}", "{\"version\": 0}", "{\"version\": -1}",
                "{\"version\": 1e0}", "{\"version\": 99999999999}", "{\"version\": 1, \"version\": 1}", "{\"version\": 1} x",
                "{\"version\": 1, \"extra\": 2}", "{\"version\": 9999}", "[1]", "1"};
        for (int i = 0; i < aliasBodies.length; i++) {
            json("alias body #" + i, "PUT", "/api/v1/aliases/champion", aliasBodies[i], true, 400, 404);
        }
        String[] aliases = {"Champion", "active", "x".repeat(40), "1abc", "a%20b", "a%00", "a%E2%80%AE", "%EF%BC%91", "a.b"};
        for (String alias : aliases) {
            json("alias name " + alias, "PUT", "/api/v1/aliases/" + alias, "{\"version\": 1}", true, 400, 404);
        }
        json("alias without key", "PUT", "/api/v1/aliases/champion", "{\"version\": 1}", false, 401);
    }

    private void segmentCases() {
        String[] bodies = {"", "[]", "{\"name\": \"" + "n".repeat(300) + "\"}", "{\"name\": \"a\\u0000b\"}",
                "{\"name\": \"Evil\\u202Eman\"}", "{\"name\": \"x\\u2066y\"}", "{\"name\": \"line\\nbreak\"}", "{\"name\": 1}",
                "{\"name\": [\"a\"]}", "{\"name\": true}", "{\"name\": \"  \"}", "{\"description\": \"" + "d".repeat(2_000) + "\"}",
                "{\"description\": \"a\\u202Db\"}", "{\"description\": 5}",
                "{\"offers\": [" + String.join(",", Collections.nCopies(100_000, "\"offer\"")) + "]}",
                "{\"offers\": [\"" + "o".repeat(500) + "\"]}", "{\"offers\": \"one\"}", "{\"offers\": [1]}", "{\"offers\": [null]}",
                "{\"offers\": [\"a\\u0007\"]}", "{\"name\": \"A\", \"name\": \"B\"}", "{\"name\": \"A\"} {}",
                "{\"nmae\": \"typo\"}"};
        for (int i = 0; i < bodies.length; i++) {
            json("segment edit #" + i, "PUT", "/api/v1/segments/0", bodies[i], true, 400);
        }
        for (String id : new String[]{"%EF%BC%91", "-1", "1.5", "abc", "99", "9999999999"}) {
            json("segment id " + id, "PUT", "/api/v1/segments/" + id, "{\"name\": \"A\"}", true, 400, 404);
        }
        json("segment edit ?model=%EF%BC%91", "PUT", "/api/v1/segments/0?model=%EF%BC%91", "{\"name\": \"A\"}", true, 400);
        json("segment edit without key", "PUT", "/api/v1/segments/0", "{\"name\": \"A\"}", false, 401);
        for (String model : new String[]{"%EF%BC%91", "1.5", "9999", "Nope!", "x".repeat(100)}) {
            json("segments ?model=" + model, "GET", "/api/v1/segments?model=" + model, null, false, 400, 404);
        }
    }

    private void jobCases() {
        for (String id : new String[]{"no-such-job", "x".repeat(100), "%00", "%E2%80%AE", "a%20b", "..%2F..%2Fetc"}) {
            json("job " + id, "GET", "/api/v1/jobs/" + id, null, false, 400, 404);
            json("cancel job " + id, "DELETE", "/api/v1/jobs/" + id, null, true, 400, 404);
        }
        json("cancel without key", "DELETE", "/api/v1/jobs/x", null, false, 401);
    }

    private void edgeCases() {
        String[][] methods = {{"DELETE", "/api/v1/predict"}, {"PUT", "/api/v1/predict"}, {"GET", "/api/v1/predict"},
                {"PUT", "/health"}, {"DELETE", "/health"}, {"POST", "/api/v1/models"}, {"DELETE", "/api/v1/models/1"},
                {"PATCH", "/api/v1/segments/0"}, {"GET", "/api/v1/retrain"}, {"PUT", "/api/v1/jobs"}};
        for (String[] m : methods) {
            json(m[0] + " " + m[1], m[0], m[1], m[0].equals("GET") || m[0].equals("DELETE") ? null : "{}", true, 405);
        }
        for (String path : new String[]{"/nope", "/api/v1/nope", "/api/v2/predict", "/api/v1/models/1/nope",
                "/api/v1/predict/nope", "/%2e%2e/etc/passwd", "/api/v1/../../etc/passwd", "/.env", "/WEB-INF/web.xml",
                "/assets/../application.yml"}) {
            add("GET " + path, "GET", path, Map.of(), null, 400, 404);
        }
        for (String type : new String[]{"text/plain", "application/xml", "multipart/form-data; boundary=x", "image/png",
                "application/x-www-form-urlencoded"}) {
            add("predict as " + type, "POST", "/api/v1/predict", Map.of("Content-Type", type), "{\"BALANCE\": 1}", 415);
        }
        for (String accept : new String[]{"application/xml", "text/csv", "image/png"}) {
            add("models accepting " + accept, "GET", "/api/v1/models", Map.of("Accept", accept), null, 406);
        }
        add("declared body over the limit", "POST", "/api/v1/predict",
                Map.of("Content-Type", "application/json", "Content-Length", "20000000"), null, 413);
        add("long URL", "GET", "/api/v1/models/" + "1".repeat(10_000), Map.of(), null, 414);
        add("long query", "GET", "/api/v1/segments?model=" + "a".repeat(10_000), Map.of(), null, 414);
        add("long header", "GET", "/api/v1/models", Map.of("X-Padding", "p".repeat(20_000)), null, 431);
        add("many headers", "GET", "/api/v1/models", manyHeaders(), null, 431);
        add("long cookie", "GET", "/health", Map.of("Cookie", "c=" + "v".repeat(20_000)), null, 431);
        for (String host : new String[]{"evil.example", "evil.example:8080", "127.0.0.1.nip.io", "localhost.evil.example",
                "[::2]", "169.254.169.254", "0.0.0.0", "", "localhost@evil.example"}) {
            add("Host " + host, "GET", "/api/v1/models", Map.of("Host", host), null, 400, 421);
        }
    }

    private static Map<String, String> manyHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            headers.put("X-H" + i, "value-" + i + "-" + "z".repeat(20));
        }
        return headers;
    }

    // ---- a raw HTTP/1.1 client --------------------------------------------------------------------------------

    private Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null && !headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the server answered before reading everything; its answer is still there to read
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static Map<String, Object> customer() throws IOException {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        String[] cells = lines.get(1).strip().split(",", -1);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put(header[0], cells[0]);
        for (int j = 1; j < header.length; j++) {
            customer.put(header[j], cells[j].isEmpty() ? null : Double.parseDouble(cells[j]));
        }
        return customer;
    }
}
