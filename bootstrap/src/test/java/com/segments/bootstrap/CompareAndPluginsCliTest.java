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
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison and the other plugins through the CLI (storage is beside the point here: H2). */
class CompareAndPluginsCliTest {

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Cli cli;
    private Path customers;

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2(work.resolve("db"));
        cli = Cli.on(database, work);
        customers = work.resolve("customers.csv");
        assertThat(cli.run("generate", "--customers", "800", "--out", customers.toString(), "--seed", "2").exitCode()).isZero();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void compareRanksRecommendsAndWritesAnOfflineReport() throws IOException {
        Path report = work.resolve("out/report.html");
        Cli.Result result = cli.run("compare", "--data", customers.toString(), "--algorithms", "kmeans,ward,hdbscan",
                "--k", "2..5", "--min-cluster-sizes", "20,40", "--bootstrap", "4", "--stability-rows", "400",
                "--report", report.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("ranked")).hasSize(10);
        assertThat(json.get("recommendation").get("parameters").get("k").asInt()).isEqualTo(4);
        assertThat(json.get("recommendation").get("reasons").size()).isGreaterThanOrEqualTo(3);
        JsonNode first = json.get("ranked").get(0);
        assertThat(first.get("stabilityJaccard")).hasSize(4);
        assertThat(first.get("silhouette").asDouble()).isPositive();

        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Recommendation: ")
                .contains("Elbow").contains("principal components").doesNotContain("<script").doesNotContain("src=");
    }

    @Test
    void compareAsATableSaysWhatItRecommendsAndWhy() {
        Cli.Result result = cli.run("compare", "--data", customers.toString(), "--algorithms", "kmeans",
                "--k", "2..6", "--bootstrap", "3", "--stability-rows", "300");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("rank  configuration").contains("kmeans k=4")
                .contains("Recommendation: kmeans k=4").contains("elbow");
    }

    @Test
    void aBadRangeIsAUsageError() {
        Cli.Result result = cli.run("compare", "--data", customers.toString(), "--k", "5..3");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--k takes FROM..TO");
    }

    @Test
    void algorithmsListsEveryPluginWithItsParameters() {
        JsonNode json = cli.run("algorithms", "--json").json();
        List<String> ids = StreamSupport.stream(json.spliterator(), false).map(n -> n.get("id").asText()).toList();
        assertThat(ids).containsExactlyInAnyOrder("kmeans", "tribuo-kmeans", "ward", "complete-linkage", "average-linkage",
                "single-linkage", "hdbscan");
        assertThat(cli.run("algorithms").out()).contains("--param minClusterSize=N").contains("[2, 1000]");
    }

    @Test
    void anHdbscanModelTrainsScoresAndCountsNoise() throws IOException {
        Cli.Result trained = cli.run("train", "--data", customers.toString(), "--algorithm", "hdbscan",
                "--param", "minClusterSize=30", "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode model = trained.json();
        assertThat(model.get("algorithm").asText()).isEqualTo("hdbscan");
        assertThat(model.get("segments").size()).isGreaterThanOrEqualTo(2);
        double noise = model.get("noiseFraction").asDouble();

        Path scores = work.resolve("scores.csv");
        Cli.Result scored = cli.run("score", "--data", customers.toString(), "--out", scores.toString(), "--json");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        long noiseRows = Files.readAllLines(scores).stream().skip(1).filter(l -> l.split(",")[1].equals("-1")).count();
        assertThat(scored.json().get("noise").asLong()).isEqualTo(noiseRows);
        assertThat(noise).isBetween(0.0, 1.0);
    }

    @Test
    void aWardModelIsStoredAndReloadedForScoring() {
        assertThat(cli.run("train", "--data", customers.toString(), "--algorithm", "ward", "--k", "4").exitCode()).isZero();
        Cli.Result scored = cli.run("score", "--data", customers.toString(), "--out", work.resolve("s.csv").toString(), "--json");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.json().get("perSegment")).hasSize(4);
    }
}
