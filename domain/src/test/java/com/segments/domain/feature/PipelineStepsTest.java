package com.segments.domain.feature;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PipelineStepsTest {

    @Test
    void aCategoryIsReadTrimmedCaseInsensitiveAndThroughItsMap() {
        Field status = Field.category("status", List.of("Single", "Married"), Map.of("alone", "single", "yolo", ""), false);
        assertThat(status.encode("  single ")).isEqualTo(0.0);
        assertThat(status.encode("MARRIED")).isEqualTo(1.0);
        assertThat(status.encode("Alone")).isEqualTo(0.0);
        assertThat(status.encode("YOLO")).as("mapped to unknown").isEqualTo(2.0);
        assertThat(status.encode("Widow")).as("never seen").isEqualTo(2.0);
        assertThat(status.encode(null)).as("missing").isEqualTo(2.0);
        assertThat(status.levelOf(2)).isEqualTo(Field.OTHER);
        assertThatThrownBy(() -> status.encode(List.of("x"))).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void anOrdinalCategoryReadsItsRankAndAnUnknownValueAsMissing() {
        Field slab = Field.category("income_slab", List.of("Low", "Medium", "High"), Map.of(), true);
        assertThat(slab.encode("high")).isEqualTo(2.0);
        assertThat(slab.encode("Very high")).isNaN();
    }

    @Test
    void aDateIsADayNumberAndABadOneNamesTheFieldAndFormat() {
        Field date = Field.date("Dt_Customer", "dd-MM-yyyy");
        assertThat(date.encode("04-09-2012")).isEqualTo(java.time.LocalDate.of(2012, 9, 4).toEpochDay());
        assertThat(date.parse("")).as("an empty cell is missing").isNaN();
        assertThat(date.encode(null)).as("null is how JSON says unknown").isNaN();
        assertThatThrownBy(() -> date.encode("")).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("send null when the value is unknown");
        assertThatThrownBy(() -> date.encode("2012/09/04")).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("Dt_Customer").hasMessageContaining("dd-MM-yyyy");
    }

    @Test
    void oneHotExpandsCategoriesAndPassesNumbersThrough() {
        OneHotEncoding oneHot = new OneHotEncoding(new int[] {0, 3, 0});
        assertThat(oneHot.outputWidth()).isEqualTo(5);
        assertThat(oneHot.apply(new double[] {7, 1, 9})).containsExactly(7, 0, 1, 0, 9);
        assertThat(oneHot.apply(new double[] {7, 2, 9})).containsExactly(7, 0, 0, 1, 9);
    }

    @Test
    void formulasFollowPrecedenceAndDivisionByZeroGivesTheDeclaredValue() {
        List<String> columns = List.of("BALANCE", "CREDIT_LIMIT", "a b");
        DerivedColumns derived = new DerivedColumns(columns, List.of(
                new DerivedColumns.Derived("utilisation", "BALANCE / CREDIT_LIMIT", -1),
                new DerivedColumns.Derived("mix", "-(BALANCE + 2) * 3 - `a b` / 2", 0)));
        assertThat(derived.apply(new double[] {500, 1000, 4})).containsExactly(500, 1000, 4, 0.5, -1508);
        assertThat(derived.apply(new double[] {500, 0, 4})[3]).isEqualTo(-1.0);
        assertThat(derived.apply(new double[] {Double.NaN, 10, 4})[3]).as("missing stays missing").isNaN();
        assertThatThrownBy(() -> new DerivedColumns(columns, List.of(new DerivedColumns.Derived("x", "BALANCE / LIMIT", 0))))
                .hasMessageContaining("derived 'x'").hasMessageContaining("'LIMIT'");
        assertThatThrownBy(() -> new DerivedColumns(columns, List.of(new DerivedColumns.Derived("x", "BALANCE *", 0))))
                .hasMessageContaining("position");
    }

    @Test
    void rangesClippingAndLogDoWhatTheySay() {
        assertThat(new ValidRange(new double[] {1920}, new double[] {Double.POSITIVE_INFINITY}).apply(new double[] {1893})[0]).isNaN();
        assertThat(new Clipping(new double[] {0}, new double[] {10}).apply(new double[] {12})).containsExactly(10);
        double[] logged = new Log1p(new boolean[] {true, true, false}).apply(new double[] {Math.E - 1, -(Math.E - 1), 5});
        assertThat(logged[0]).isCloseTo(1, within(1e-12));
        assertThat(logged[1]).as("a refund keeps its sign").isCloseTo(-1, within(1e-12));
        assertThat(logged[2]).isEqualTo(5);
    }

    @Test
    void principalComponentsKeepTheFewestThatExplainTheShare() {
        PrincipalComponents all = new PrincipalComponents(new double[] {1, 1, 1},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {0.7, 0.25, 0.05});
        assertThat(all.keepExplaining(0.9).outputWidth()).isEqualTo(2);
        assertThat(all.keepExplaining(0.7).outputWidth()).isEqualTo(1);
        assertThat(all.keep(2).apply(new double[] {3, 5, 9})).containsExactly(2, 4);
    }

    @Test
    void aChainChecksThatWidthsMeet() {
        assertThatThrownBy(() -> new FittedPreprocessing(List.of(new OneHotEncoding(new int[] {0, 3}),
                new Standardisation(new double[] {0, 0}, new double[] {1, 1}))))
                .hasMessageContaining("reads 2 values, the step before writes 4");
        FittedPreprocessing chain = new FittedPreprocessing(List.of(new Imputation(new double[] {5, 0}),
                new OneHotEncoding(new int[] {0, 3}), new Standardisation(new double[] {1, 0, 0, 0}, new double[] {2, 1, 1, 1})));
        assertThat(chain.inputWidth()).isEqualTo(2);
        assertThat(chain.outputWidth()).isEqualTo(4);
        assertThat(chain.transformInPlace(new double[] {Double.NaN, 1})).containsExactly(2, 0, 1, 0);
    }

    @Test
    void aSchemaAcceptsGroupAttributesAndRejectsAWronglyTypedField() {
        FeatureSchema schema = new FeatureSchema("id", List.of(Field.number("spend"),
                Field.category("channel", List.of("web", "store"), Map.of(), false)), List.of("bank"));
        assertThat(schema.toRawVector(Map.of("id", "C1", "bank", "Bank A", "spend", 3, "channel", "Phone")))
                .containsExactly(3, 2);
        assertThatThrownBy(() -> schema.toRawVector(Map.of("spend", "lots", "channel", "web")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.field()).isEqualTo("spend"));
    }
}
