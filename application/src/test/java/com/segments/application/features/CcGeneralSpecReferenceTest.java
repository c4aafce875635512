package com.segments.application.features;

import com.segments.application.Shared;
import com.segments.application.Wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.application.DataInput;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.Standardisation;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The acceptance of the feature pipeline's numbers: CC GENERAL with the spec "median imputation, log1p, standard
 * scaling" (examples/cc_general/features.yml) reproduces scikit-learn's medians, scaler and first rows of X from
 * ../shared/reference/cc_general.json to 1e-9.
 */
class CcGeneralSpecReferenceTest {

    @Test
    void theSpecReproducesScikitLearnsPreprocessing() throws IOException {
        JsonNode reference = new ObjectMapper().readTree(Shared.dir().resolve("reference/cc_general.json").toFile());
        PreparedTable prepared = Wiring.prepare(DataInput.customers(Shared.data("cc_general/CC_GENERAL.csv"), null,
                Shared.example("cc_general/features.yml")));

        assertThat(prepared.profiles().schema().idColumn()).isEqualTo("CUST_ID");
        assertThat(prepared.profiles().schema().features()).hasSize(17);
        assertThat(prepared.preprocessing().steps()).extracting(FittedStep::getClass)
                .containsExactly(Imputation.class, Log1p.class, Standardisation.class);

        Imputation imputation = (Imputation) prepared.preprocessing().steps().get(0);
        Standardisation scaler = (Standardisation) prepared.preprocessing().steps().get(2);
        for (int j = 0; j < 17; j++) {
            String column = prepared.profiles().schema().features().get(j);
            assertThat(imputation.values()[j]).as("median of %s", column)
                    .isCloseTo(reference.get("medians").get(column).asDouble(), within(1e-9));
            assertThat(scaler.means()[j]).as("scaler mean of %s", column)
                    .isCloseTo(reference.get("scaler_mean").get(j).asDouble(), within(1e-9));
            assertThat(scaler.scales()[j]).as("scaler scale of %s", column)
                    .isCloseTo(reference.get("scaler_scale").get(j).asDouble(), within(1e-9));
        }
        JsonNode rows = reference.get("X_first_rows");
        assertThat(rows.size()).isGreaterThan(0);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 17; j++) {
                assertThat(prepared.transformed().get(i, j)).as("X[%d][%d]", i, j)
                        .isCloseTo(rows.get(i).get(j).asDouble(), within(1e-9));
            }
        }
    }
}
