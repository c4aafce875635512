package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A retrain request is checked completely before it becomes a job (issue 12, item 3). */
class RetrainValidationTest {

    @TempDir
    Path dataDir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final RetrainModelTest.InMemoryJobs jobs = new RetrainModelTest.InMemoryJobs();
    private RetrainModel retrain;

    @BeforeEach
    void setUp() {
        ActiveModel active = new ActiveModel(models);
        TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active,
                Clock.systemUTC()), Clock.systemUTC());
        retrain = new RetrainModel(jobs, train, Clock.systemUTC(), dataDir, Wiring.pool(1, 2));
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(100, dataDir.resolve("c.csv"), null, 1L));
    }

    @AfterEach
    void tearDown() {
        retrain.close();
    }

    private void refused(java.util.function.Supplier<RetrainModel.Command> command, String message) {
        assertThatThrownBy(() -> retrain.submit(command.get())).isInstanceOf(SegmentsException.class)
                .hasMessageContaining(message);
        assertThat(jobs.recent(10)).as("no job may exist after a refused request").isEmpty();
    }

    @Test
    void anUnknownAlgorithmOrParameterOrOutOfBoundsValueIsRefusedBeforeAnyJob() {
        refused(() -> new RetrainModel.Command("c.csv", null, "nope", Map.of(), 1L), "unknown algorithm 'nope'");
        refused(() -> new RetrainModel.Command("c.csv", null, "kmeans", Map.of("kk", 3), 1L), "no parameter 'kk'");
        refused(() -> new RetrainModel.Command("c.csv", null, "kmeans", Map.of("k", 100_000), 1L), "must be between");
        refused(() -> new RetrainModel.Command("c.csv", null, "x".repeat(1_000_000), Map.of(), 1L), "at most 64");
        Map<String, Integer> nullK = new HashMap<>();
        nullK.put("k", null);
        refused(() -> new RetrainModel.Command("c.csv", null, null, nullK, 1L), "parameters.k");
    }

    @Test
    void badFileNamesAreRefusedWithoutNamingTheDataDirectory() {
        for (String name : new String[]{"missing.csv", "../../etc/passwd", "/etc/passwd", "/nonexistent/x.csv", "a\u0000b.csv"}) {
            assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command(name, null, null, Map.of(), 1L)))
                    .isInstanceOf(FieldValidationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dataDir.toRealPath().toString()));
        }
        assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command("/etc/passwd", null, null, Map.of(), 1L)))
                .hasMessageContaining("outside the data directory");
        assertThatThrownBy(() -> retrain.submit(new RetrainModel.Command("/nonexistent/x.csv", null, null, Map.of(), 1L)))
                .as("a path outside answers the same whether or not it exists").hasMessageContaining("outside the data directory");
        assertThat(jobs.recent(10)).isEmpty();
    }

    @Test
    void aDeeplyNestedFormulaInTheFeatureSpecIsRefusedAtOnce() throws Exception {
        Files.writeString(dataDir.resolve("deep.yml"), "derived:\n  - name: deep\n    formula: \""
                + "(".repeat(1_000) + "a" + ")".repeat(1_000) + "\"\n");
        refused(() -> new RetrainModel.Command("c.csv", null, null, Map.of(), 1L, "deep.yml", false), "nests deeper than");
        Files.writeString(dataDir.resolve("broken.yml"), "derived:\n  - name: broken\n    formula: \"a +\"\n");
        refused(() -> new RetrainModel.Command("c.csv", null, null, Map.of(), 1L, "broken.yml", false), "derived feature 'broken'");
    }

    @Test
    void aValidRequestIsStillAccepted() {
        assertThat(retrain.submit(new RetrainModel.Command("c.csv", null, "kmeans", Map.of("k", 3), 1L)).id()).isNotBlank();
    }
}
