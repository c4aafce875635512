package com.segments.application;

import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A segment's name says what its numbers say: every rule it was named by holds, every word of a description points the way its feature does. */
class NamesFitTheNumbersTest {

    @TempDir
    Path dir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final NamingRules rules = Wiring.rules();
    private final TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(),
            new ActivateModel(models, new ActiveModel(models), Clock.systemUTC()),
            com.segments.domain.model.PromotionGate.OPEN, Clock.systemUTC(), catalog, rules);

    /**
     * Five groups of mall customers, as in the well-known mall data: income and spending score high or low, and the
     * middle; the young spend more.
     */
    @Test
    void aMallTableGetsFiveNamesThatDescribeIncomeAndSpending() throws IOException {
        double[][] groups = {{85, 82, 32}, {88, 18, 44}, {25, 80, 25}, {26, 20, 47}, {55, 50, 42}};
        StringBuilder csv = new StringBuilder("CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n");
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 400; i++) {
            double[] g = groups[i % groups.length];
            csv.append(i + 1).append(',').append(random.nextBoolean() ? "Male" : "Female").append(',')
                    .append(Math.round(g[2] + random.nextGaussian() * 6)).append(',')
                    .append(String.format(Locale.ROOT, "%.0f,%.0f", g[0] + random.nextGaussian() * 5, g[1] + random.nextGaussian() * 5))
                    .append('\n');
        }
        Path mall = Files.writeString(dir.resolve("mall.csv"), csv.toString());
        TrainingReport report = train.train(new TrainModel.Command(mall, null, "kmeans", Map.of("k", 5), 3L));
        assertThat(report.segments()).extracting(SegmentLabel::name).containsExactlyInAnyOrder("Affluent Big Spenders",
                "Careful Earners", "Enthusiastic Budget Shoppers", "Thrifty Shoppers", "Middle of the Road");
        assertNamesFitProfiles(report.model().version());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cc_general/CC_GENERAL.csv,false", "marketing_campaign/marketing_campaign.csv,false",
            "customer_segmentation_data/customer_segmentation_data.csv,false",
            "wms/final-wms-customer-training-dataset.csv,false", "cdnow/cdnow_customers_summary_with_transactions.csv,false",
            "cdnow/CDNOW_master.csv,true", "online_retail/online_retail_sample.csv,true"})
    void everyNameOfEverySharedDataSetAgreesWithItsProfile(String file, boolean transactions) {
        Path data = Shared.data(file);
        DataInput input = transactions ? DataInput.transactions(data, null, null) : DataInput.customers(data, null, null);
        TrainingReport report = train.train(new TrainModel.Command(input, "kmeans", Map.of("k", 5, "restarts", 3), 7L, "test"));
        assertNamesFitProfiles(report.model().version());
    }

    private void assertNamesFitProfiles(int version) {
        List<SegmentProfile> profiles = catalog.profiles(version);
        for (SegmentLabel label : catalog.labels(version)) {
            SegmentProfile profile = profiles.get(label.segment());
            List<NamingRules.Rule> byName = rules.rules().stream().filter(r -> r.name().equals(label.name())).toList();
            if (!byName.isEmpty()) {
                assertThat(byName).as("%s: some rule of that name holds on the segment", label.name())
                        .anyMatch(rule -> rule.when().stream().noneMatch(c -> Double.isNaN(c.score(profile))));
                continue;
            }
            String name = label.name().replaceAll(" \\(\\d+\\)$", "");
            if (name.equals("Near average")) {
                assertThat(profile.features()).allMatch(f -> !(Math.abs(f.standardisedDifference()) >= NamingRules.STANDS_OUT));
                continue;
            }
            for (String part : name.split(", ")) {
                boolean high = part.toLowerCase(Locale.ROOT).startsWith("high ");
                String words = part.substring(part.indexOf(' ') + 1);
                FeatureProfile feature = profile.features().stream()
                        .filter(f -> NamingRules.words(f.feature()).equals(words)).findFirst().orElseThrow(() ->
                                new AssertionError(label.name() + ": no feature reads as '" + words + "'"));
                assertThat(feature.standardisedDifference()).as("%s: %s", label.name(), part)
                        .satisfies(z -> assertThat(high ? z >= NamingRules.STANDS_OUT : z <= -NamingRules.STANDS_OUT).isTrue());
            }
        }
    }
}
