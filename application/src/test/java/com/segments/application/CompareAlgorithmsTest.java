package com.segments.application;

import com.segments.domain.feature.Projector;
import com.segments.domain.metric.KRange;
import com.segments.domain.metric.SelectionRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        assertThat(comparison.outcomes()).hasSize(11);
        CompareAlgorithms.Recommendation recommendation = comparison.recommendation();
        CompareAlgorithms.Outcome chosen = recommendation.chosen().orElseThrow();
        assertThat(chosen.parameters().get("k")).isEqualTo(4);
        assertThat(chosen.stability().meanJaccard()).isGreaterThan(0.9);
        assertThat(recommendation.decision().goal()).isEqualTo(SelectionRule.Goal.DEFAULT);
        assertThat(recommendation.decision().why()).contains("every one of its 4 segments holds together");
        assertThat(recommendation.signalAlgorithm()).isEqualTo("kmeans");
        assertThat(recommendation.elbowK()).hasValue(4);
        assertThat(recommendation.gap().orElseThrow().ks()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(recommendation.gap().orElseThrow().draws()).isEqualTo(CompareAlgorithms.DEFAULT_GAP_DRAWS);
        assertThat(recommendation.decision().atRangeEnd()).isFalse();
        assertThat(recommendation.decision().excluded())
                .anyMatch(e -> e.label().equals("hdbscan minClusterSize=5000") && e.reason().contains("larger than"));
        assertThat(comparison.outcomes().getLast().failed()).isTrue();
        assertThat(comparison.projection()).isPresent();
        assertThat(comparison.projection().orElseThrow().rows()).isEqualTo(1200);
    }

    /** 1,200 customers: no --k searches 2..12 (one segment per 100 customers), k-means only here. */
    @Test
    void withoutKTheRangeIsSizedToTheData() {
        CompareAlgorithms.Command sized = new CompareAlgorithms.Command(DataInput.customers(customers, null, null),
                List.of(new CompareAlgorithms.Candidate("kmeans", Map.of("restarts", 2))), Optional.empty(),
                new CompareAlgorithms.Effort(3, 400, 3, 2000), SelectionRule.Goal.DEFAULT, 5L);
        CompareAlgorithms.Comparison comparison = compare.compare(sized, CompareAlgorithms.Listener.SILENT, () -> false);
        assertThat(comparison.recommendation().range()).isEqualTo(new KRange(2, 12));
        assertThat(comparison.recommendation().rangeSized()).isTrue();
        assertThat(comparison.outcomes()).extracting(o -> o.k().getAsInt())
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(comparison.recommendation().chosen().orElseThrow().k()).hasValue(4);
    }

    /** Over k 2..3 the data's four segments lie beyond the range: the choice sits at its end and a wider one is suggested. */
    @Test
    void aChoiceAtTheEndOfTheRangeSuggestsAWiderOne() {
        CompareAlgorithms.Command narrow = new CompareAlgorithms.Command(DataInput.customers(customers, null, null),
                List.of(new CompareAlgorithms.Candidate("kmeans", Map.of("restarts", 2))), Optional.of(new KRange(2, 3)),
                new CompareAlgorithms.Effort(3, 400, 0, 2000), SelectionRule.Goal.DEFAULT, 5L);
        CompareAlgorithms.Recommendation r = compare.compare(narrow, CompareAlgorithms.Listener.SILENT, () -> false).recommendation();
        assertThat(r.chosen().orElseThrow().k()).hasValue(3);
        assertThat(r.decision().atRangeEnd()).isTrue();
        assertThat(r.widerRange()).hasValue(new KRange(2, 6));
        assertThat(r.gap()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameComparison() {
        CompareAlgorithms.Comparison first = compare.compare(command(3L), CompareAlgorithms.Listener.SILENT, () -> false);
        CompareAlgorithms.Comparison second = compare.compare(command(3L), CompareAlgorithms.Listener.SILENT, () -> false);
        assertThat(second.recommendation().gap().orElseThrow().gap()).isEqualTo(first.recommendation().gap().orElseThrow().gap());
        for (int i = 0; i < first.outcomes().size(); i++) {
            CompareAlgorithms.Outcome a = first.outcomes().get(i);
            CompareAlgorithms.Outcome b = second.outcomes().get(i);
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
