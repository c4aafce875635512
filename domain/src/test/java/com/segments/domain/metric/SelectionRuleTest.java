package com.segments.domain.metric;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionRuleTest {

    private final SelectionRule rule = new SelectionRule();

    private static SelectionRule.Evidence kmeans(int k, double silhouette, double se, double... jaccard) {
        return new SelectionRule.Evidence("kmeans k=" + k, "kmeans", OptionalInt.of(k), k, 0, silhouette, se,
                1.0 / silhouette, 100 * silhouette, jaccard, null);
    }

    /** CC GENERAL's shape: the best silhouette at k = 8 has a segment at 0.52; the rule must not recommend it. */
    @Test
    void aSegmentationWithADissolvingSegmentIsNeverRecommended() {
        List<SelectionRule.Evidence> all = List.of(
                kmeans(2, 0.21, 0.002, 0.95, 0.91),
                kmeans(3, 0.25, 0.002, 0.80, 0.70, 0.58),
                kmeans(4, 0.20, 0.002, 0.90, 0.85, 0.80, 0.77),
                kmeans(8, 0.26, 0.002, 0.90, 0.52, 0.70, 0.74, 0.80, 0.90, 0.85, 0.8));
        SelectionRule.Decision d = rule.select(all, SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);

        assertThat(d.chosen().orElseThrow().label()).isEqualTo("kmeans k=2");
        assertThat(d.excluded()).extracting(SelectionRule.Exclusion::label).containsExactly("kmeans k=3", "kmeans k=8");
        assertThat(d.excluded().get(1).reason()).contains("segment 1 does not hold together").contains("52%")
                .contains("0.60 needed");
        assertThat(d.why()).contains("every one of its 2 segments holds together").contains("most clearly separated");
        assertThat(d.preferences().getFirst().prefers()).hasValue("kmeans k=8");
    }

    /** The default keeps the best gated silhouette; 'fewest' trades up to one standard error for fewer segments. */
    @Test
    void withinOneStandardErrorOfTheBestTheFewestRuleTakesFewerSegmentsAndTheDefaultDoesNot() {
        List<SelectionRule.Evidence> all = List.of(
                kmeans(3, 0.500, 0.004, 0.9, 0.9, 0.9),
                kmeans(4, 0.503, 0.004, 0.9, 0.9, 0.9, 0.9),
                kmeans(5, 0.490, 0.004, 0.9, 0.9, 0.9, 0.9, 0.9));
        SelectionRule.Decision fewest = rule.select(all, SelectionRule.KSignals.NONE, SelectionRule.Goal.FEWEST);
        assertThat(fewest.chosen().orElseThrow().label()).isEqualTo("kmeans k=3");
        assertThat(fewest.why()).contains("kmeans k=4 separates customers slightly better").contains("within the measurement");
        assertThat(fewest.atRangeEnd()).isFalse();

        SelectionRule.Decision byDefault = rule.select(all, SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);
        assertThat(byDefault.chosen().orElseThrow().label()).isEqualTo("kmeans k=4");
        assertThat(byDefault.why()).contains("most clearly separated").contains("0.503").doesNotContain("slightly better");
    }

    /** HDBSCAN at three sizes often finds the same segments: the first listed stays, with no parsimony sentence. */
    @Test
    void identicalConfigurationsKeepTheFirstAndClaimNoTrade() {
        List<SelectionRule.Evidence> same = java.util.stream.IntStream.of(25, 50, 100).mapToObj(size ->
                new SelectionRule.Evidence("hdbscan minClusterSize=" + size, "hdbscan", OptionalInt.empty(), 4, 0.14,
                        0.6523, 0.003, 0.49, 4086, new double[] {0.9, 0.87, 0.95, 0.9}, null)).toList();
        SelectionRule.Decision d = rule.select(same, SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);
        assertThat(d.chosen().orElseThrow().label()).isEqualTo("hdbscan minClusterSize=25");
        assertThat(d.why()).doesNotContain("slightly better").contains("most clearly separated");
    }

    @Test
    void aChoiceAtTheLargestKSearchedSaysSo() {
        List<SelectionRule.Evidence> all = List.of(kmeans(2, 0.3, 0.001, 0.9, 0.9), kmeans(3, 0.4, 0.001, 0.9, 0.9, 0.9));
        SelectionRule.Decision d = rule.select(all, SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);
        assertThat(d.chosen().orElseThrow().label()).isEqualTo("kmeans k=3");
        assertThat(d.atRangeEnd()).isTrue();
    }

    @Test
    void noiseOneSegmentAndFailuresAreExcludedWithTheirReason() {
        SelectionRule.Evidence noisy = new SelectionRule.Evidence("hdbscan minClusterSize=25", "hdbscan", OptionalInt.empty(),
                3, 0.74, 0.5, 0.01, 0.5, 50, new double[] {0.9, 0.9, 0.9}, null);
        SelectionRule.Evidence single = new SelectionRule.Evidence("hdbscan minClusterSize=100", "hdbscan", OptionalInt.empty(),
                1, 0.1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[] {1}, null);
        SelectionRule.Evidence failed = SelectionRule.Evidence.failed("ward k=9", "ward", OptionalInt.of(9), "k = 9 needs 9 rows");
        SelectionRule.Decision d = rule.select(List.of(noisy, single, failed), SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);
        assertThat(d.chosen()).isEmpty();
        assertThat(d.why()).startsWith("No configuration passes");
        assertThat(d.excluded()).extracting(SelectionRule.Exclusion::reason).containsExactly(
                "74% of customers are left without a segment (at most 50% allowed), so its scores describe only the rest",
                "found a single segment, nothing to tell apart",
                "could not be fitted: k = 9 needs 9 rows");
    }

    @Test
    void theOtherGoalsPickTheMostStableAndTheGapChoice() {
        List<SelectionRule.Evidence> all = List.of(kmeans(2, 0.30, 0.001, 0.95, 0.97), kmeans(3, 0.45, 0.001, 0.9, 0.8, 0.85),
                kmeans(4, 0.40, 0.001, 0.9, 0.7, 0.8, 0.9));
        GapStatistic.Result gap = GapStatistic.summarise(new int[] {1, 2, 3, 4}, new double[] {0, -0.3, -0.9, -0.95},
                new double[][] {{0, 0.02}, {-0.2, -0.18}, {-0.4, -0.38}, {-0.5, -0.48}});
        SelectionRule.KSignals signals = new SelectionRule.KSignals("kmeans", Optional.of(gap), OptionalInt.of(3));

        assertThat(rule.select(all, signals, SelectionRule.Goal.STABILITY).chosen().orElseThrow().label()).isEqualTo("kmeans k=2");
        SelectionRule.Decision byGap = rule.select(all, signals, SelectionRule.Goal.GAP);
        assertThat(byGap.chosen().orElseThrow().label()).isEqualTo("kmeans k=3");
        assertThat(byGap.why()).contains("Chosen by the gap statistic").contains("k = 4");
        assertThat(byGap.preferences()).extracting(SelectionRule.Preference::criterion).containsExactly("silhouette",
                "Davies-Bouldin", "Calinski-Harabasz", "stability", "gap statistic", "elbow");
        // silhouette, Davies-Bouldin, Calinski-Harabasz, gap and elbow say 3; stability says 2.
        assertThat(byGap.agreeingK().k()).hasValue(3);
        assertThat(byGap.agreeingK().agreeing()).isEqualTo(5);
        assertThat(byGap.agreeingK().stating()).isEqualTo(6);
        assertThat(byGap.agreeingK().unanimous()).isFalse();
    }

    @Test
    void withoutStabilityTheGateCannotApplyAndTheDecisionSaysSo() {
        SelectionRule.Decision d = rule.select(List.of(kmeans(2, 0.3, 0.001), kmeans(3, 0.5, 0.001)),
                SelectionRule.KSignals.NONE, SelectionRule.Goal.DEFAULT);
        assertThat(d.chosen().orElseThrow().label()).isEqualTo("kmeans k=3");
        assertThat(d.notes()).anyMatch(n -> n.startsWith("Stability was not measured"));
        assertThat(rule.select(List.of(kmeans(2, 0.3, 0.001)), SelectionRule.KSignals.NONE, SelectionRule.Goal.STABILITY)
                .chosen()).isEmpty();
    }

    @Test
    void goalsAreNamedAsUsersTypeThem() {
        assertThat(SelectionRule.Goal.named("Gap")).isEqualTo(SelectionRule.Goal.GAP);
        assertThat(SelectionRule.Goal.named(" fewest")).isEqualTo(SelectionRule.Goal.FEWEST);
        assertThat(SelectionRule.Goal.named("Silhouette")).as("the old name of the default's choice")
                .isEqualTo(SelectionRule.Goal.DEFAULT);
        assertThatThrownBy(() -> SelectionRule.Goal.named("elbowish"))
                .hasMessage("unknown selection rule 'elbowish'; choose one of [default, fewest, stability, gap]");
    }
}
