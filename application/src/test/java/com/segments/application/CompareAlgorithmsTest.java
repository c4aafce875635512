package com.segments.application;

import com.segments.domain.feature.Projector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompareAlgorithmsTest {

    @TempDir
    static Path dir;

    private static Path customers;
    private final CompareAlgorithms compare = new CompareAlgorithms(Wiring.reader(), Wiring.algorithms());

    @BeforeAll
    static void generate() {
        customers = dir.resolve("customers.csv");
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(1200, customers, null, 8L));
    }

    private static CompareAlgorithms.Command command(long seed) {
        List<CompareAlgorithms.Candidate> candidates = new ArrayList<>();
        for (int k = 2; k <= 6; k++) {
            candidates.add(new CompareAlgorithms.Candidate("kmeans", Map.of("k", k)));
            candidates.add(new CompareAlgorithms.Candidate("ward", Map.of("k", k)));
        }
        candidates.add(new CompareAlgorithms.Candidate("hdbscan", Map.of("minClusterSize", 5000)));
        return new CompareAlgorithms.Command(customers, null, candidates, 5, 500, seed);
    }

    @Test
    void recommendsTheFourSegmentsTheDataWasGeneratedWith() {
        CompareAlgorithms.Comparison comparison = compare.compare(command(1L), CompareAlgorithms.Listener.SILENT, () -> false);

        assertThat(comparison.ranked()).hasSize(11);
        CompareAlgorithms.Outcome chosen = comparison.recommendation().chosen().orElseThrow();
        assertThat(chosen.parameters().get("k")).isEqualTo(4);
        assertThat(chosen.stability().meanJaccard()).isGreaterThan(0.9);
        assertThat(comparison.recommendation().elbowK()).hasValue(4);
        assertThat(comparison.ranked().getFirst()).isSameAs(chosen);
        assertThat(comparison.ranked().getLast().failed()).isTrue();
        assertThat(comparison.recommendation().reasons())
                .anyMatch(r -> r.contains("hdbscan minClusterSize=5000 could not be fitted") && r.contains("larger than"));
        assertThat(comparison.projection()).isPresent();
        assertThat(comparison.projection().orElseThrow().rows()).isEqualTo(1200);
    }

    @Test
    void theSameSeedGivesTheSameComparison() {
        CompareAlgorithms.Comparison first = compare.compare(command(3L), CompareAlgorithms.Listener.SILENT, () -> false);
        CompareAlgorithms.Comparison second = compare.compare(command(3L), CompareAlgorithms.Listener.SILENT, () -> false);
        for (int i = 0; i < first.ranked().size(); i++) {
            CompareAlgorithms.Outcome a = first.ranked().get(i);
            CompareAlgorithms.Outcome b = second.ranked().get(i);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.labels()).isEqualTo(a.labels());
            if (!a.failed()) {
                assertThat(b.quality()).isEqualTo(a.quality());
                assertThat(b.stability().jaccard()).isEqualTo(a.stability().jaccard());
            }
        }
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> done = new ArrayList<>();
        assertThatThrownBy(() -> compare.compare(command(1L), (finished, total, working) -> done.add(finished),
                () -> calls.incrementAndGet() > 12))
                .isInstanceOf(CompareAlgorithms.Cancelled.class)
                .hasMessageContaining("cancelled after").hasMessageContaining("of 11 configurations");
        assertThat(done).isNotEmpty().isSorted();
    }

    @Test
    void anUnknownAlgorithmOrParameterIsRefusedBeforeAnyWork() {
        CompareAlgorithms.Command unknown = new CompareAlgorithms.Command(customers, null,
                List.of(new CompareAlgorithms.Candidate("kmeans", Map.of("k", 3)), new CompareAlgorithms.Candidate("dbscan", Map.of())),
                5, 500, 1L);
        assertThatThrownBy(() -> compare.compare(unknown, CompareAlgorithms.Listener.SILENT, () -> false))
                .hasMessageContaining("unknown algorithm 'dbscan'");
        CompareAlgorithms.Command badK = new CompareAlgorithms.Command(customers, null,
                List.of(new CompareAlgorithms.Candidate("ward", Map.of("k", 1))), 5, 500, 1L);
        assertThatThrownBy(() -> compare.compare(badK, CompareAlgorithms.Listener.SILENT, () -> false))
                .hasMessageContaining("parameter k of 'ward' must be between 2 and 1000");
    }
}
