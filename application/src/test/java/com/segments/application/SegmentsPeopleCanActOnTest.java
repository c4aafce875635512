package com.segments.application;

import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.GroupComparison;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 6's acceptance: meaningful unique names, lifestyles named and compared by bank, names kept across retraining. */
class SegmentsPeopleCanActOnTest {

    @TempDir
    Path dir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final Clock clock = Clock.systemUTC();
    private final ActiveModel active = new ActiveModel(models);
    private final ModelLookup lookup = new ModelLookup(models, active);
    private final SegmentNames names = new SegmentNames(catalog);
    private final TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active, clock),
            com.segments.domain.model.PromotionGate.OPEN, clock, catalog, Wiring.rules());
    private final DescribeSegments describe = new DescribeSegments(lookup, catalog, names);

    @Test
    void ccGeneralAtFourSegmentsGetsFourDistinctMeaningfulNamesWhoseFactsAreItsNumbers() {
        TrainingReport report = train.train(new TrainModel.Command(Shared.data("cc_general/CC_GENERAL.csv"), null, "kmeans",
                Map.of("k", 4, "restarts", 3), 42L));
        DescribeSegments.Segments segments = describe.segments(ModelReference.ACTIVE);
        List<String> segmentNames = segments.segments().stream().map(d -> d.label().name()).toList();
        assertThat(segmentNames).hasSize(4).doesNotHaveDuplicates()
                .noneMatch(n -> n.toLowerCase(Locale.ROOT).matches(".*(cluster|segment) ?\\d.*"))
                .contains("Premium High Spenders", "Cash-Advance Heavy");
        assertThat(report.segments()).extracting(SegmentLabel::name).containsExactlyElementsOf(segmentNames);
        for (DescribeSegments.Described d : segments.segments()) {
            SegmentProfile profile = d.profile();
            assertThat(profile.size()).isEqualTo(report.model().model().segments().get(profile.segment()).size());
            for (FeatureProfile top : profile.distinguishing(2)) {
                // the words quote the profile's own numbers: "CASH_ADVANCE 4.6× the population mean (4,476 vs 978.9)"
                assertThat(d.label().description()).contains(top.describe());
                double ratio = top.mean() / top.populationMean(); // the mean, the statistic the centre table shows
                double shown = Double.parseDouble(top.describe().replaceAll(".* ([0-9.]+)× the population.*", "$1"));
                assertThat(shown).isCloseTo(ratio, org.assertj.core.data.Offset.offset(ratio >= 10 ? 0.5 : 0.05));
                assertThat(Math.signum(top.standardisedDifference())).isEqualTo(ratio >= 1 ? 1.0 : -1.0);
            }
        }
        // the Premium segment's purchases are far above the population's, as its name says
        DescribeSegments.Described premium = segments.segments().stream()
                .filter(d -> d.label().name().equals("Premium High Spenders")).findFirst().orElseThrow();
        assertThat(premium.profile().feature("PURCHASES").standardisedDifference()).isGreaterThan(0.5);
        assertThat(premium.label().offers()).isNotEmpty();
    }

    @Test
    void lifestylesAreNamedAfterTheirDominantCategoryAndTheBankMixIsFound() {
        Path log = dir.resolve("log.csv");
        new GenerateTransactions(Wiring.files()).generate(new GenerateTransactions.Command(80_000, 1_600, log, null, 11L));
        train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 5), 3L, "test"));
        List<String> segmentNames = describe.segments(ModelReference.ACTIVE).segments().stream().map(d -> d.label().name()).toList();
        assertThat(segmentNames).containsExactlyInAnyOrder("The Diner", "The Commuter", "The Shopper", "The Home Keeper",
                "The Bill Payer");

        CompareGroups.Result result = new CompareGroups(lookup, names, Wiring.reader())
                .compare(DataInput.transactions(log, null, null), "bank", ModelReference.ACTIVE);
        GroupComparison comparison = result.comparison();
        assertThat(comparison.groups()).containsExactly("Bank A", "Bank B", "Bank C");
        assertThat(comparison.pValue()).isLessThan(1e-10);
        int shopper = comparison.segments().indexOf("The Shopper");
        int diner = comparison.segments().indexOf("The Diner");
        assertThat(comparison.counts()[2][shopper]).as("Bank C has no shoppers, by construction").isZero();
        assertThat(comparison.findings()).anyMatch(f -> f.startsWith("Bank C has no The Shopper customers"))
                .anyMatch(f -> f.startsWith("Bank B has") && f.contains("the share of The Diner"));
        assertThat(comparison.residuals()[1][diner]).isGreaterThan(3);

        assertThatThrownBy(() -> new CompareGroups(lookup, names, Wiring.reader()).compare(DataInput.transactions(log, null, null), "branch",
                ModelReference.ACTIVE)).hasMessageContaining("has no column 'branch'").hasMessageContaining("bank");
    }

    @Test
    void aHandGivenNameSurvivesRetrainingWithAnotherSeed() {
        Path cc = Shared.data("cc_general/CC_GENERAL.csv");
        train.train(new TrainModel.Command(cc, null, "kmeans", Map.of("k", 4, "restarts", 3), 42L));
        int cash = describe.segments(ModelReference.ACTIVE).segments().stream()
                .filter(d -> d.label().name().equals("Cash-Advance Heavy")).findFirst().orElseThrow().label().segment();
        describe.edit(ModelReference.ACTIVE, cash, "Cash Lovers", null, List.of("Personal loan"));
        assertThatThrownBy(() -> describe.edit(ModelReference.ACTIVE, (cash + 1) % 4, "cash lovers", null, null))
                .hasMessageContaining("already called 'Cash Lovers'");
        assertThat(new PredictSegment(lookup, names).predictAll(List.of(), ModelReference.ACTIVE)).isEmpty();

        TrainingReport second = train.train(new TrainModel.Command(cc, null, "kmeans", Map.of("k", 4, "restarts", 3), 7L));
        assertThat(second.model().version()).isEqualTo(2);
        SegmentLabel kept = describe.segments(ModelReference.ACTIVE).segments().get(cash).label();
        assertThat(kept.name()).isEqualTo("Cash Lovers");
        assertThat(kept.offers()).containsExactly("Personal loan");
        assertThat(kept.edited()).isTrue();
        assertThat(describe.segments(ModelReference.ACTIVE).segments()).extracting(d -> d.label().name()).doesNotHaveDuplicates();
    }
}
