package com.segments.application.features;

import com.segments.application.Shared;
import com.segments.application.Wiring;

import com.segments.application.DataInput;
import com.segments.domain.feature.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance on marketing_campaign: the Income 666666 and Year_Birth 1893 outliers and the junk marital statuses
 * are handled by the spec, the constant columns dropped, the trailing-space cells parsed; nothing dropped silently.
 */
class MarketingCampaignSpecTest {

    private static String reason(PreparedTable table, String column) {
        return table.report().columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().reason();
    }

    @Test
    void theSpecHandlesEveryQuirkAndSaysSo() {
        PreparedTable table = Wiring.prepare(DataInput.customers(Shared.data("marketing_campaign/marketing_campaign.csv"), null,
                Shared.example("marketing_campaign/features.yml")));
        assertThat(table.profiles().size()).as("no row dropped").isEqualTo(2240);
        assertThat(reason(table, "Income")).contains("1 value(s) outside [-inf, 300000] read as missing")
                .contains("25 missing, filled with the median");
        assertThat(reason(table, "Year_Birth")).contains("3 value(s) outside [1920, inf] read as missing");
        assertThat(reason(table, "Marital_Status")).contains("4 value(s) missing, unknown or rare");
        Field marital = table.profiles().schema().fields().stream().filter(f -> f.name().equals("Marital_Status"))
                .findFirst().orElseThrow();
        assertThat(marital.levels()).contains("Married", "Single").doesNotContain("YOLO", "Absurd", "Alone");
        assertThat(marital.encode("Alone")).isEqualTo(marital.levels().indexOf("Single"));
        assertThat(marital.encode("YOLO")).isEqualTo(marital.levels().size());
        assertThat(reason(table, "Z_CostContact")).startsWith("constant");
        assertThat(reason(table, "Z_Revenue")).startsWith("constant");
        assertThat(table.profiles().schema().features()).doesNotContain("Z_CostContact", "Z_Revenue")
                .contains("Dt_Customer", "Education");
        // the imputed incomes and birth years are plausible
        int income = table.profiles().schema().features().indexOf("Income");
        double[] imputed = table.preprocessing().impute(table.profiles().values()).column(income);
        assertThat(java.util.Arrays.stream(imputed).max().orElseThrow()).isLessThan(300_000);
    }

    @Test
    void withoutASpecTheTrailingSpaceCellsParseAndConstantsAreDropped() {
        PreparedTable table = Wiring.prepare(DataInput.customers(Shared.data("marketing_campaign/marketing_campaign.csv"), null, null));
        assertThat(table.profiles().schema().features()).contains("Response").doesNotContain("Z_CostContact", "Z_Revenue");
        int response = table.profiles().schema().features().indexOf("Response");
        assertThat(java.util.Arrays.stream(table.profiles().values().column(response)).distinct().sorted().toArray())
                .containsExactly(0.0, 1.0);
        assertThat(table.report().columns()).filteredOn(c -> c.name().equals("Dt_Customer")).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(ColumnRole.DATE_FEATURE));
    }
}
