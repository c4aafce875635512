package com.segments.domain.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamingRulesTest {

    private static SegmentProfile profile(int id, double purchasesZ, double cashZ) {
        return new SegmentProfile(id, 10, 0.25, List.of(
                new FeatureProfile("PURCHASES", 100 + purchasesZ * 50, 100, 100, 80, purchasesZ),
                new FeatureProfile("CASH_ADVANCE", 100 + cashZ * 50, 100, 100, 80, cashZ)), List.of());
    }

    private final NamingRules rules = new NamingRules(List.of(
            new NamingRules.Rule("Big Spenders", "Spend a lot", List.of(new NamingRules.Above(List.of("purchases"), 0.5)),
                    List.of("Upgrade")),
            new NamingRules.Rule("Cash Users", "Take cash", List.of(new NamingRules.Above(List.of("MISSING", "CASH_ADVANCE"), 0.5)),
                    List.of())));

    @Test
    void theBestFittingSegmentTakesARuleAndEveryNameIsUnique() {
        List<SegmentLabel> labels = rules.name(List.of(profile(0, 0.8, 0), profile(1, 2.0, 0), profile(2, 0, 1.5),
                profile(3, -1, -0.2), profile(4, -1.2, -0.1)));
        assertThat(labels).extracting(SegmentLabel::segment).containsExactly(0, 1, 2, 3, 4);
        assertThat(labels.get(1).name()).as("the stronger of two spenders").isEqualTo("Big Spenders");
        assertThat(labels.get(1).offers()).containsExactly("Upgrade");
        assertThat(labels.get(2).name()).isEqualTo("Cash Users");
        assertThat(labels).extracting(SegmentLabel::name).doesNotHaveDuplicates()
                .noneMatch(name -> name.toLowerCase().startsWith("cluster"));
        assertThat(labels.get(0).name()).startsWith("High PURCHASES");
        assertThat(labels.get(3).name()).startsWith("Low PURCHASES");
        assertThat(labels.get(4).name()).startsWith("Low PURCHASES").isNotEqualTo(labels.get(3).name());
        assertThat(labels.get(0).description()).startsWith("No naming rule fits");
    }

    @Test
    void aTopShareConditionPicksTheDominantCategory() {
        SegmentProfile diner = new SegmentProfile(0, 10, 0.5, List.of(
                new FeatureProfile("share_Dining", 0.55, 0.55, 0.2, 0.1, 2),
                new FeatureProfile("share_Groceries", 0.2, 0.2, 0.3, 0.3, -0.5)), List.of());
        NamingRules lifestyle = new NamingRules(List.of(
                new NamingRules.Rule("The Diner", "Dines", List.of(new NamingRules.TopShare("share_", "Dining")), List.of()),
                new NamingRules.Rule("The Home Keeper", "Cooks", List.of(new NamingRules.TopShare("share_", "Groceries")), List.of())));
        assertThat(lifestyle.name(List.of(diner)).getFirst().name()).isEqualTo("The Diner");
    }

    @Test
    void configuredOffersByNameOrIdReplaceTheRules() {
        NamingRules withOffers = new NamingRules(rules.rules(), java.util.Map.of("big spenders", List.of("Metal card"),
                "2", List.of("Loan call")));
        List<SegmentLabel> labels = withOffers.name(List.of(profile(0, 2.0, 0), profile(1, 0, 0.1), profile(2, 0, 1.5)));
        assertThat(labels.get(0).offers()).containsExactly("Metal card");
        assertThat(labels.get(2).offers()).containsExactly("Loan call");
        assertThat(labels.get(1).offers()).isEmpty();
    }
}
