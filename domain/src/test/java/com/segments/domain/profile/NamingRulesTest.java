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
        assertThat(labels.get(0).name()).isEqualTo("High purchases");
        assertThat(labels.get(3).name()).isEqualTo("Low purchases");
        assertThat(labels.get(4).name()).startsWith("Low purchases").isNotEqualTo(labels.get(3).name());
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

    @Test
    void aSegmentWhereNothingStandsOutIsNearAverage() {
        List<SegmentLabel> labels = rules.name(List.of(profile(0, 0.2, -0.3), profile(1, 0.1, 0.4)));
        assertThat(labels).extracting(SegmentLabel::name).containsExactly("Near average", "Near average (2)");
    }

    @Test
    void aDescriptiveNameNamesTheStrongestFeaturesInTheirDirection() {
        SegmentProfile spenders = new SegmentProfile(0, 10, 0.5, List.of(
                new FeatureProfile("Age", 30, 30, 40, 40, -0.6),
                new FeatureProfile("Annual Income (k$)", 30, 30, 60, 60, -1.1),
                new FeatureProfile("Spending Score (1-100)", 80, 80, 50, 50, 1.4)), List.of());
        assertThat(new NamingRules(List.of()).name(List.of(spenders)).getFirst().name())
                .isEqualTo("High spending score, low annual income");
    }

    @Test
    void absoluteAndNearConditionsHoldOnlyWhenTheNumbersSaySo() {
        NamingRules recent = new NamingRules(List.of(new NamingRules.Rule("New Customers", "Started recently", List.of(
                new NamingRules.Below(List.of("tenure_days"), -0.7), new NamingRules.MeanBelow(List.of("tenure_days"), 180)),
                List.of()), new NamingRules.Rule("Average", "Average", List.of(new NamingRules.Near(List.of("spend"), 0.3)),
                List.of())));
        SegmentProfile longAgo = new SegmentProfile(0, 10, 0.5, List.of(
                new FeatureProfile("tenure_days", 1092, 1092, 1500, 1500, -0.9),
                new FeatureProfile("spend", 10, 10, 10, 10, 0.8)), List.of());
        SegmentProfile lately = new SegmentProfile(1, 10, 0.5, List.of(
                new FeatureProfile("tenure_days", 60, 60, 1500, 1500, -1.5),
                new FeatureProfile("spend", 10, 10, 10, 10, 0.1)), List.of());
        List<SegmentLabel> labels = recent.name(List.of(longAgo, lately));
        assertThat(labels.get(0).name()).as("1,092 days is not recent, however short against the rest")
                .isEqualTo("Low tenure days, high spend");
        assertThat(labels.get(1).name()).isEqualTo("New Customers");
    }

    @Test
    void columnNamesReadAsWords() {
        assertThat(NamingRules.words("Spending Score (1-100)")).isEqualTo("spending score");
        assertThat(NamingRules.words("CASH_ADVANCE")).isEqualTo("cash advance");
        assertThat(NamingRules.words("MntWines")).isEqualTo("mnt wines");
        assertThat(NamingRules.words("Annual Income (k$)")).isEqualTo("annual income");
    }
}
