package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code segments} command lines in-process against one database, capturing what they print. */
final class Cli {

    static final Path SHARED = Path.of(System.getProperty("segments.shared.dir", "../../shared"));
    static final Path CC_GENERAL = SHARED.resolve("data/cc_general/CC_GENERAL.csv");

    private final Map<String, Object> properties;

    Cli(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** A CLI on the given test database, with its own SEGMENTS_HOME under {@code work}. */
    static Cli on(com.segments.adapters.jdbc.TestDatabases.Database database, Path work) {
        Map<String, Object> properties = new java.util.HashMap<>(database.properties());
        properties.put("segments.home", work.resolve("home").toString());
        properties.put("segments.api.key", API_KEY);
        properties.put("segments.data.dir", sharedRealPath().toString());
        return new Cli(properties);
    }

    /** ../shared as the file system has it (it may be a link): the retrain data directory of test servers. */
    static Path sharedRealPath() {
        try {
            return SHARED.toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("../shared is missing: " + SHARED.toAbsolutePath(), e);
        }
    }

    /** One line of a CSV whose first column is an id, as the JSON customer predict takes (null where a cell is empty). */
    static com.fasterxml.jackson.databind.node.ObjectNode customerJson(String[] header, String line) {
        return customerJson(header, line, (column, value) -> value);
    }

    /** The same, each present value passed through {@code change} (column name, value) first. */
    static com.fasterxml.jackson.databind.node.ObjectNode customerJson(String[] header, String line,
                                                                     java.util.function.BiFunction<String, Double, Double> change) {
        String[] cells = line.strip().split(",", -1);
        com.fasterxml.jackson.databind.node.ObjectNode customer = new ObjectMapper().createObjectNode();
        customer.put(header[0], cells[0]);
        for (int j = 1; j < header.length; j++) {
            if (cells[j].isEmpty()) {
                customer.putNull(header[j]);
            } else {
                customer.put(header[j], change.apply(header[j], Double.parseDouble(cells[j])));
            }
        }
        return customer;
    }

    /** The API key test servers are started with. */
    static final String API_KEY = "test-key-" + java.util.UUID.randomUUID();

    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    /** The properties every command line of this CLI runs with. */
    Map<String, Object> properties() {
        return properties;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Segments.execute(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts {@code segments serve} on a free port; closing the run stops it. */
    Segments.Run serve() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Segments.Run run = Segments.launch(new String[] {"serve", "--port", "0"}, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        if (run.exitCode() != com.segments.adapters.cli.SegmentsCli.KEEP_RUNNING) {
            throw new AssertionError("serve exited with " + run.exitCode() + ": " + out);
        }
        return run;
    }
}
