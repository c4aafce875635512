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
        assertThat(json.get("configurations")).hasSize(10);
        JsonNode recommendation = json.get("recommendation");
        assertThat(recommendation.get("rule").asText()).isEqualTo("default");
        // k-means, Ward and HDBSCAN all find the four generated segments; HDBSCAN at minClusterSize 40 separates them
        // most clearly (its noise, the stragglers between segments, is left out of the silhouette) and holds together
        assertThat(recommendation.get("configuration").asText()).as(recommendation.toString())
                .isEqualTo("hdbscan minClusterSize=40");
        assertThat(recommendation.get("parameters").get("minClusterSize").asInt()).isEqualTo(40);
        assertThat(recommendation.get("why").asText()).contains("every one of its 4 segments holds together");
        assertThat(recommendation.get("range").get("sizedToData").asBoolean()).isFalse();
        List<String> criteria = StreamSupport.stream(recommendation.get("criteria").spliterator(), false)
                .map(c -> c.get("criterion").asText()).toList();
        assertThat(criteria).containsExactly("silhouette", "Davies-Bouldin", "Calinski-Harabasz", "stability",
                "gap statistic", "elbow");
        assertThat(recommendation.get("agreement").get("stating").asInt()).isPositive();
        JsonNode chosen = StreamSupport.stream(json.get("configurations").spliterator(), false)
                .filter(c -> c.get("recommended").asBoolean()).findFirst().orElseThrow();
        assertThat(chosen.get("label").asText()).isEqualTo(recommendation.get("configuration").asText());
        assertThat(chosen.get("stabilityJaccard")).hasSize(4);
        assertThat(chosen.get("minStability").asDouble()).isGreaterThanOrEqualTo(0.6);
        // every configuration reports how faithfully scoring gives back its fit: k-means', Ward's and HDBSCAN's exactly
        for (JsonNode configuration : json.get("configurations")) {
            assertThat(configuration.get("predictAgreement").asDouble()).as(configuration.get("label").asText())
                    .isEqualTo(1.0);
        }

        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Recommendation (rule &lsquo;default&rsquo;)")
                .contains("What each criterion prefers").contains("Gap statistic").contains("Elbow")
                .contains("principal components").contains("<th>prediction agreement</th>").contains("<td>100.00%</td>")
                .doesNotContain("<script").doesNotContain("src=");
    }

    @Test
    void compareAsATableSaysWhatItRecommendsAndWhy() {
        Cli.Result result = cli.run("compare", "--data", customers.toString(), "--algorithms", "kmeans",
                "--k", "2..6", "--bootstrap", "3", "--stability-rows", "300");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("configuration  segments").contains("kmeans k=4")
                .contains("Recommendation (rule 'default'): kmeans k=4").contains("What each criterion prefers")
                .contains("elbow").contains("k searched: 2..6 (--k)").contains("agreement").contains("100.00%");
    }

    /**
     * A rule named by its old name ('silhouette', now the default's choice) over a range too short for the data says
     * the choice sits at the end of the range.
     */
    @Test
    void aNamedRuleChoosesAndTheRangeIsQuestioned() {
        Cli.Result result = cli.run("compare", "--data", customers.toString(), "--algorithms", "kmeans",
                "--k", "2..3", "--bootstrap", "3", "--stability-rows", "300", "--select", "silhouette", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode recommendation = result.json().get("recommendation");
        assertThat(recommendation.get("rule").asText()).isEqualTo("default");
        assertThat(recommendation.get("k").asInt()).isEqualTo(3);
        assertThat(recommendation.get("atRangeEnd").asBoolean()).isTrue();
        assertThat(recommendation.get("suggestedRange").asText()).isEqualTo("2..6");

        Cli.Result bad = cli.run("compare", "--data", customers.toString(), "--select", "elbowish");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--select: unknown selection rule 'elbowish'; choose one of [default, fewest, "
                + "stability, gap]");
    }

    /** train without --k: one line says which k and why; --json carries the evidence per k. */
    @Test
    void trainWithoutKChoosesItByTheSameRuleAndSaysWhy() {
        Cli.Result text = cli.run("train", "--data", customers.toString(), "--restarts", "2");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Chose k = 4 of 2..10 by the rule of 'segments compare': every segment holds together")
                .contains("Trained kmeans (k=4");

        JsonNode json = cli.run("train", "--data", customers.toString(), "--restarts", "2", "--json").json();
        assertThat(json.get("parameters").get("k").asInt()).isEqualTo(4);
        JsonNode chosen = json.get("chosenK");
        assertThat(chosen.get("k").asInt()).isEqualTo(4);
        assertThat(chosen.get("decision").get("rule").asText()).isEqualTo("default");
        assertThat(chosen.get("evidence")).hasSize(9);
        assertThat(chosen.get("evidence").get(2).get("stabilityJaccard")).hasSize(4);
        assertThat(cli.run("train", "--data", customers.toString(), "--k", "3", "--json").json().get("chosenK").isNull())
                .isTrue();
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
                "single-linkage", "hdbscan", "tribuo-hdbscan");
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
    void aWardModelIsStoredAndReloadedForScoring() throws IOException {
        Cli.Result trained = cli.run("train", "--data", customers.toString(), "--algorithm", "ward", "--k", "4");
        assertThat(trained.exitCode()).isZero();
        assertThat(trained.out()).contains("Scoring the training rows gives back 100.00% of their training labels");
        JsonNode json = cli.run("train", "--data", customers.toString(), "--algorithm", "ward", "--k", "4", "--json").json();
        assertThat(json.get("predictAgreement").asDouble()).isEqualTo(1.0);
        Path out = work.resolve("s.csv");
        Cli.Result scored = cli.run("score", "--data", customers.toString(), "--out", out.toString(), "--json");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        JsonNode perSegment = scored.json().get("perSegment");
        assertThat(perSegment).hasSize(4);
        // the stored rule (condensed exemplars) gives every training customer its training segment back: the scored
        // counts are the fitted segment sizes, and the exemplars kept score at distance 0
        for (JsonNode segment : json.get("segments")) {
            assertThat(perSegment.get(segment.get("id").asInt()).asLong()).as("segment " + segment.get("id"))
                    .isEqualTo(segment.get("size").asLong());
        }
        List<Double> distances = Files.readAllLines(out).stream().skip(1)
                .map(line -> Double.parseDouble(line.split(",")[2])).toList();
        assertThat(distances).contains(0.0).allMatch(d -> d >= 0 && Double.isFinite(d));
    }
}
