package com.segments.adapters.jdbc;

import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ModelRepository} must do, whatever stores it. Each database gets a subclass that says only
 * which database to use.
 */
abstract class ModelRepositoryContract {

    private TestDatabases.Database database;
    private ApplicationContext context;
    protected ModelRepository repository;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() {
        database = database();
        context = ApplicationContext.run(database.properties());
        repository = context.getBean(ModelRepository.class);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void versionsAreNumberedFromOneInOrderOfCreation() {
        ModelVersion first = repository.add(ModelFixtures.twoSegments("a.csv"), Instant.parse("2026-01-01T10:00:00Z"), "test");
        ModelVersion second = repository.add(ModelFixtures.twoSegments("b.csv"), Instant.parse("2026-01-02T10:00:00Z"), "test");
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void aStoredModelReadsBackEqualToTheLastBit() {
        TrainedModel model = ModelFixtures.twoSegments("cc.csv");
        Instant created = Instant.parse("2026-03-04T05:06:07.123456Z");
        ModelVersion stored = repository.add(model, created, "test");

        ModelVersion read = repository.find(stored.version()).orElseThrow();

        assertThat(read.version()).isEqualTo(stored.version());
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.model()).isEqualTo(model);
        double[] raw = {100.0, Double.NaN, 12.0};
        assertThat(read.model().assign(raw)).isEqualTo(model.assign(raw));
    }

    @Test
    void aTrainingVersionIsListedHasNoModelAndBecomesReadyOrFailed() {
        int training = repository.reserve("kmeans", "cc.csv", Instant.parse("2026-01-01T00:00:00Z"), "api job 1");
        assertThat(repository.summary(training)).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ModelStatus.TRAINING);
            assertThat(s.algorithm()).isEqualTo("kmeans");
            assertThat(s.triggeredBy()).isEqualTo("api job 1");
        });
        assertThat(repository.find(training)).isEmpty();
        assertThatThrownBy(() -> repository.activate(training, Instant.now(), "activate"))
                .hasMessageContaining("is TRAINING and cannot serve");

        ModelVersion ready = repository.complete(training, ModelFixtures.twoSegments("cc.csv"));
        assertThat(ready.version()).isEqualTo(training);
        assertThat(repository.summary(training).orElseThrow().status()).isEqualTo(ModelStatus.READY);
        assertThat(repository.find(training)).hasValueSatisfying(v -> assertThat(v.model()).isEqualTo(ModelFixtures.twoSegments("cc.csv")));

        int failing = repository.reserve("ward", "cc.csv", Instant.parse("2026-01-01T00:01:00Z"), "cli");
        repository.fail(failing, "cancelled");
        assertThat(repository.summary(failing).orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
        assertThat(repository.summary(failing).orElseThrow().statusReason()).isEqualTo("cancelled");
        assertThatThrownBy(() -> repository.complete(failing, ModelFixtures.twoSegments("cc.csv")))
                .hasMessageContaining("is FAILED, not TRAINING");
        assertThat(repository.find(failing)).isEmpty();

        int interrupted = repository.reserve("kmeans", "cc.csv", Instant.parse("2026-01-01T00:02:00Z"), "cli");
        assertThat(repository.failTraining("interrupted")).isEqualTo(1);
        assertThat(repository.summary(interrupted).orElseThrow().statusReason()).isEqualTo("interrupted");
        assertThat(repository.list()).extracting(ModelSummary::status)
                .containsExactly(ModelStatus.FAILED, ModelStatus.FAILED, ModelStatus.READY);
    }

    @Test
    void findingAnUnknownVersionGivesNothing() {
        assertThat(repository.find(99)).isEmpty();
    }

    @Test
    void nothingIsActiveUntilAVersionIsActivated() {
        repository.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test");
        assertThat(repository.activeVersion()).isEmpty();
        assertThat(repository.list()).extracting(ModelSummary::active).containsOnly(false);
    }

    @Test
    void activationMovesTheSingleActivePointer() {
        int first = repository.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        int second = repository.add(ModelFixtures.twoSegments("b.csv"), Instant.now(), "test").version();

        repository.activate(first, Instant.now(), "activate");
        assertThat(repository.activeVersion()).hasValue(first);
        repository.activate(second, Instant.now(), "activate");
        assertThat(repository.activeVersion()).hasValue(second);
        repository.activate(first, Instant.now(), "activate");
        assertThat(repository.activeVersion()).hasValue(first);
        assertThat(repository.list()).filteredOn(ModelSummary::active).extracting(ModelSummary::version).containsExactly(first);
    }

    @Test
    void activatingAnUnknownVersionFailsAndKeepsTheActiveOne() {
        int first = repository.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        repository.activate(first, Instant.now(), "activate");

        assertThatThrownBy(() -> repository.activate(42, Instant.now(), "activate")).isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("42");
        assertThat(repository.activeVersion()).hasValue(first);
    }

    @Test
    void listShowsNewestFirstWithoutLoadingArtifacts() {
        repository.add(ModelFixtures.twoSegments("a.csv"), Instant.parse("2026-01-01T00:00:00Z"), "test");
        repository.add(ModelFixtures.twoSegments("b.csv"), Instant.parse("2026-01-02T00:00:00Z"), "test");

        List<ModelSummary> list = repository.list();

        assertThat(list).extracting(ModelSummary::version).containsExactly(2, 1);
        ModelSummary newest = list.getFirst();
        assertThat(newest.algorithm()).isEqualTo("kmeans");
        assertThat(newest.segmentCount()).isEqualTo(2);
        assertThat(newest.silhouette()).isEqualTo(0.2187357173949732);
        assertThat(newest.dataSource()).isEqualTo("b.csv");
        assertThat(newest.dataRows()).isEqualTo(10_000);
    }

    @Test
    void concurrentWritersGetDistinctVersions() throws InterruptedException {
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 12; i++) {
                pool.submit(() -> numbers.add(repository.add(ModelFixtures.twoSegments("c.csv"), Instant.now(), "test").version()));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(numbers).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void reportsItselfAvailable() {
        assertThat(repository.isAvailable()).isTrue();
    }

    @Test
    void activationMovesStatusesAndIsRecorded() {
        int first = repository.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        int second = repository.add(ModelFixtures.twoSegments("b.csv"), Instant.now(), "api").version();
        assertThat(repository.summary(first).orElseThrow().status()).isEqualTo(ModelStatus.READY);

        Activation one = repository.activate(first, Instant.parse("2026-02-01T00:00:00Z"), "activate");
        Activation two = repository.activate(second, Instant.parse("2026-02-02T00:00:00Z"), "activate");

        assertThat(one.previous()).isEmpty();
        assertThat(two.previous()).hasValue(first);
        assertThat(repository.summary(first).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(repository.summary(second).orElseThrow().status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(repository.summary(second).orElseThrow().triggeredBy()).isEqualTo("api");
        assertThat(repository.activations()).extracting(Activation::version).containsExactly(second, first);
        assertThat(repository.activations().getFirst().at()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
    }

    @Test
    void aliasesPointAtVersionsAndShowInTheList() {
        int first = repository.add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test").version();
        int second = repository.add(ModelFixtures.twoSegments("b.csv"), Instant.now(), "test").version();
        repository.setAlias("champion", first);
        repository.setAlias("challenger", second);
        repository.setAlias("champion", second);

        assertThat(repository.alias("champion")).hasValue(second);
        assertThat(repository.alias("nobody")).isEmpty();
        assertThat(repository.aliases()).containsExactly(java.util.Map.entry("challenger", second),
                java.util.Map.entry("champion", second));
        assertThat(repository.summary(second).orElseThrow().aliases()).containsExactly("challenger", "champion");
        assertThatThrownBy(() -> repository.setAlias("champion", 77)).isInstanceOf(UnknownModelException.class);
    }

    @Test
    void concurrentActivationsLeaveExactlyOneActiveVersion() throws InterruptedException {
        List<Integer> versions = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            versions.add(repository.add(ModelFixtures.twoSegments("c.csv"), Instant.now(), "test").version());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 5; round++) {
                for (int version : versions) {
                    pool.submit(() -> repository.activate(version, Instant.now(), "activate"));
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        List<ModelSummary> active = repository.list().stream().filter(ModelSummary::active).toList();
        assertThat(active).hasSize(1);
        assertThat(repository.activeVersion()).hasValue(active.getFirst().version());
    }
}
