package com.segments.domain.lineage;

import com.segments.domain.cluster.Assignment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentAlignmentTest {

    @Test
    void hungarianFindsTheCheapestAssignment() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Optimum: row 0 -> 1 (1), row 1 -> 0 (2), row 2 -> 2 (2): total 5.
        assertThat(Hungarian.solve(cost)).containsExactly(1, 0, 2);
        assertThat(Hungarian.solve(new double[][] {{-0.9, -0.1}, {-0.2, -0.8}})).containsExactly(0, 1);
    }

    @Test
    void theSamePartitionUnderOtherNamesGetsThePreviousIdsBack() {
        int[] previous = {0, 0, 1, 1, 2, 2, 2};
        int[] current = {2, 2, 0, 0, 1, 1, 1}; // the same groups, numbered differently
        SegmentAlignment.Result result = SegmentAlignment.align(previous, 3, current, 3, 7);
        assertThat(result.newIdOf()).containsExactly(1, 2, 0);
        assertThat(com.segments.domain.cluster.AssignmentRule.relabel(current, result.newIdOf())).containsExactly(previous);
        assertThat(result.lineage().fromVersion()).isEqualTo(7);
        assertThat(result.lineage().links()).extracting(SegmentLineage.Link::kind).containsOnly(SegmentLineage.Kind.KEPT);
    }

    @Test
    void aSegmentThatBreaksInTwoIsReportedAsASplitAndTheNewPartAsNew() {
        int[] previous = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] current = {0, 0, 2, 2, 1, 1, 1, 1}; // previous 0 now fills 0 and 2
        SegmentLineage lineage = SegmentAlignment.align(previous, 2, current, 3, 1).lineage();
        assertThat(lineage.of(SegmentLineage.Kind.SPLIT)).singleElement()
                .satisfies(link -> {
                    assertThat(link.previous()).containsExactly(0);
                    assertThat(link.current()).containsExactly(0, 2);
                });
        assertThat(lineage.of(SegmentLineage.Kind.NEW)).extracting(l -> l.current().getFirst()).containsExactly(2);
        assertThat(lineage.of(SegmentLineage.Kind.KEPT)).hasSize(2);
    }

    @Test
    void twoSegmentsThatJoinAreAMergeAndTheOtherVanishes() {
        int[] previous = {0, 0, 1, 1, 2, 2};
        int[] current = {0, 0, 0, 0, 1, 1};
        SegmentLineage lineage = SegmentAlignment.align(previous, 3, current, 2, 1).lineage();
        assertThat(lineage.of(SegmentLineage.Kind.MERGED)).singleElement()
                .satisfies(link -> assertThat(link.previous()).containsExactly(0, 1));
        assertThat(lineage.of(SegmentLineage.Kind.VANISHED)).isNotEmpty();
        assertThat(lineage.links().stream().map(SegmentLineage.Link::kind).toList())
                .isSortedAccordingTo(java.util.Comparator.comparingInt(Enum::ordinal));
    }

    @Test
    void noiseIsLeftOutOfTheOverlaps() {
        int[] previous = {0, 0, Assignment.NOISE, 1, 1};
        int[] current = {1, 1, 1, 0, 0};
        SegmentAlignment.Result result = SegmentAlignment.align(previous, 2, current, 2, 1);
        assertThat(result.newIdOf()).containsExactly(1, 0);
        assertThat(List.of(result.lineage().links().getFirst().kind())).containsExactly(SegmentLineage.Kind.KEPT);
    }
}
