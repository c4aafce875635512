package com.segments.application;

import com.segments.application.features.ColumnRole;
import com.segments.application.features.InferenceReport;
import com.segments.domain.model.TrainedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature pipeline's first acceptance: every data set in ../shared/data except labelled/ trains, with no spec
 * (inference) and with its hand-written spec under examples/. Personal data never becomes a feature.
 */
class EveryDatasetTrainsTest {

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("cc_general/CC_GENERAL.csv", false, "cc_general/features.yml"),
                Arguments.of("cc_general/CC_GENERAL.csv", false, "cc_general/utilisation.yml"),
                Arguments.of("marketing_campaign/marketing_campaign.csv", false, "marketing_campaign/features.yml"),
                Arguments.of("customer_segmentation_data/customer_segmentation_data.csv", false,
                        "customer_segmentation_data/features.yml"),
                Arguments.of("wms/final-wms-customer-training-dataset.csv", false, "wms/features.yml"),
                Arguments.of("wms/final-wms-customer-test-dataset.csv", false, "wms/features.yml"),
                Arguments.of("cdnow/CDNOW_master.csv", true, "cdnow/transactions.yml"),
                Arguments.of("cdnow/cdnow_customers_summary_with_transactions.csv", false, "cdnow/summary.yml"),
                Arguments.of("online_retail/online_retail_sample.csv", true, "online_retail/transactions.yml"),
                Arguments.of("online_retail/Online_Retail_prefix_2010-12-01_to_2010-12-13.csv", true,
                        "online_retail/transactions.yml"));
    }

    private static final List<String> PERSONAL = List.of("customer_name", "customer_pan_card_no",
            "customer_adhar_card_no", "date_of_birth", "address", "zip_code", "mobile_no", "kyc_number",
            "crn_unique_id", "demat_account_no", "Description");

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("datasets")
    void trainsWithItsSpec(String file, boolean transactions, String spec) {
        train(file, transactions, Shared.example(spec));
    }

    @ParameterizedTest(name = "{0} inferred")
    @MethodSource("datasets")
    void trainsWithNoSpec(String file, boolean transactions, String ignored) {
        train(file, transactions, null);
    }

    private static void train(String file, boolean transactions, Path spec) {
        InMemoryModelRepository models = new InMemoryModelRepository();
        Clock clock = Clock.systemUTC();
        TrainModel trainModel = new TrainModel(Wiring.reader(), models, Wiring.algorithms(),
                new ActivateModel(models, new ActiveModel(models), clock), clock);
        Path data = Shared.data(file);
        DataInput input = transactions ? DataInput.transactions(data, null, spec) : DataInput.customers(data, null, spec);
        TrainingReport report = trainModel.train(new TrainModel.Command(input, "kmeans", Map.of("k", 4, "restarts", 2), 7L, "test"));

        TrainedModel model = report.model().model();
        InferenceReport inference = report.inference();
        System.out.println(render(inference));
        assertThat(model.segments()).hasSize(4);
        assertThat(model.segments().stream().mapToLong(s -> s.size()).sum()).isEqualTo(inference.rows());
        assertThat(model.schema().features()).doesNotContainAnyElementsOf(PERSONAL);
        assertThat(inference.columns()).filteredOn(c -> PERSONAL.contains(c.name()))
                .allSatisfy(c -> assertThat(c.role()).isEqualTo(ColumnRole.IGNORED));
        assertThat(inference.columns()).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        assertThat(model.metrics().silhouette()).isBetween(-1.0, 1.0);
    }

    static String render(InferenceReport report) {
        StringBuilder out = new StringBuilder(report.source() + ": " + report.rows() + " rows\n");
        for (InferenceReport.Column c : report.columns()) {
            out.append(String.format(Locale.ROOT, "  %-20s %-30s %s%n", c.role(), c.name(), c.reason()));
        }
        report.warnings().forEach(w -> out.append("  ! ").append(w).append('\n'));
        return out.toString();
    }
}
