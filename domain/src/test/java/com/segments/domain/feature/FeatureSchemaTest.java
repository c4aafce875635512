package com.segments.domain.feature;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureSchemaTest {

    private final FeatureSchema schema = new FeatureSchema("id", List.of("spend", "visits"));

    @Test
    void readsNumbersNumericStringsAndNullsInSchemaOrder() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("visits", " 3 ");
        fields.put("spend", null);
        fields.put("id", "C1");
        double[] raw = schema.toRawVector(fields);
        assertThat(raw[0]).isNaN();
        assertThat(raw[1]).isEqualTo(3.0);
        assertThat(schema.toRawVector(Map.of("spend", 12.5, "visits", 2L))).containsExactly(12.5, 2.0);
    }

    @Test
    void namesAMissingFeature() {
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", 1)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.field()).isEqualTo("visits"))
                .hasMessageContaining("missing feature 'visits'");
    }

    @Test
    void namesAnUnknownField() {
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", 1, "visits", 2, "age", 40)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.field()).isEqualTo("age"))
                .hasMessageContaining("unknown field 'age'");
    }

    @Test
    void namesANonNumericOrNonFiniteValue() {
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", "lots", "visits", 2)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.field()).isEqualTo("spend"))
                .hasMessage("field 'spend': \"lots\" is not a number");
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", Double.POSITIVE_INFINITY, "visits", 2)))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", true, "visits", 2)))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("must be a number");
    }

    @Test
    void findsFeatureColumnsInAHeaderOrNamesTheMissingOne() {
        assertThat(schema.positionsIn(List.of("visits", "id", "spend"), "f.csv")).containsExactly(2, 0);
        assertThatThrownBy(() -> schema.positionsIn(List.of("id", "spend"), "f.csv"))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("f.csv: column 'visits' is missing");
    }

    @Test
    void rejectsDuplicateFeaturesAndAnIdThatIsAlsoAFeature() {
        assertThatThrownBy(() -> new FeatureSchema(null, List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeatureSchema("a", List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
