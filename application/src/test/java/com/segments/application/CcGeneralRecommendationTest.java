package com.segments.application;

import com.segments.domain.metric.KRange;
import com.segments.domain.metric.SelectionRule;
import com.segments.domain.metric.Silhouette;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The case: on CC GENERAL the mean of ranks recommended k-means k = 8, one of whose segments had a mean
 * Jaccard of 0.52. No rule may now recommend a configuration with a segment below the threshold.
 */
class CcGeneralRecommendationTest {

    @Test
    void noRuleRecommendsASegmentThatDoesNotHoldTogether() {
        Path cc = Shared.data("cc_general/CC_GENERAL.csv");
        assumeTrue(Files.isRegularFile(cc), "CC GENERAL is not at " + cc.toAbsolutePath());
        CompareAlgorithms compare = new CompareAlgorithms(Wiring.reader(), Wiring.algorithms());
        CompareAlgorithms.Command command = new CompareAlgorithms.Command(DataInput.customers(cc, null, null),
                List.of(new CompareAlgorithms.Candidate("kmeans", Map.of())), Optional.of(new KRange(2, 8)),
                new CompareAlgorithms.Effort(10, 3000, 5, Silhouette.DEFAULT_MAX_ROWS), SelectionRule.Goal.DEFAULT, 42L);
        CompareAlgorithms.Comparison comparison = compare.compare(command, CompareAlgorithms.Listener.SILENT, () -> false);
        CompareAlgorithms.Recommendation r = comparison.recommendation();

        List<SelectionRule.Evidence> evidence = comparison.outcomes().stream().map(CompareAlgorithms.Outcome::evidence).toList();
        SelectionRule.KSignals signals = new SelectionRule.KSignals(r.signalAlgorithm(), r.gap(), r.elbowK());
        for (SelectionRule.Goal goal : SelectionRule.Goal.values()) {
            SelectionRule.Decision decision = new SelectionRule().select(evidence, signals, goal);
            decision.chosen().ifPresent(chosen -> assertThat(chosen.minJaccard()).as(goal + " chose " + chosen.label())
                    .isGreaterThanOrEqualTo(SelectionRule.MIN_SEGMENT_JACCARD));
            // Every configuration with a weaker segment is named among the exclusions, with its reason.
            evidence.stream().filter(e -> e.minJaccard() < SelectionRule.MIN_SEGMENT_JACCARD).forEach(e ->
                    assertThat(decision.excluded()).anyMatch(x -> x.label().equals(e.label())
                            && x.reason().contains("does not hold together")));
        }
        assertThat(r.decision().chosen()).isPresent();
        // At least one configuration is kept out by the gate here: the rule has something to refuse on this data.
        assertThat(r.decision().excluded()).isNotEmpty();
    }
}
