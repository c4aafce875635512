package com.segments.adapters.rest;

import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    @Test
    void oneValueWithoutDuplicatesOrTrailingContent() {
        assertThat(StrictJson.read("{\"a\": 1, \"b\": [true, null, \"x\", 2.5]}"))
                .isEqualTo(Map.of("a", 1L, "b", java.util.Arrays.asList(true, null, "x", 2.5)));
        assertThatThrownBy(() -> StrictJson.read("{\"a\": 1, \"a\": 2}")).isInstanceOf(StrictJson.NotStrictJson.class)
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> StrictJson.read("{\"a\": 1} x")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StrictJson.read("{\"a\": 1} {}")).hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> StrictJson.read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> StrictJson.read("{\"a\": NaN}")).isInstanceOf(StrictJson.NotStrictJson.class);
    }

    @Test
    void nestingAndNumbersAreBounded() {
        assertThatThrownBy(() -> StrictJson.read("[".repeat(100) + "]".repeat(100)))
                .isInstanceOf(StrictJson.NotStrictJson.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> StrictJson.read("{\"x\": 1e400}")).isInstanceOf(FieldValidationException.class)
                .hasMessage("field 'x': 1e400 is not a finite number");
        assertThat(StrictJson.read("123456789012345678901234567890")).isInstanceOf(java.math.BigInteger.class);
    }

    @Test
    void fieldsAreReadWithoutCoercionEachRefusalNamingTheField() {
        StrictJson.Fields f = StrictJson.object("{\"data\": [\"x\"], \"k\": 4.5, \"s\": \"3\", \"t\": \"yes\", \"e\": 3e0, "
                + "\"n\": 7, \"p\": {\"k\": null}, \"o\": [\"a\", 1]}", "an object");
        assertThatThrownBy(() -> f.text("data", 10)).hasMessage("field 'data': must be text, got an array");
        assertThatThrownBy(() -> f.integer("k", 1, 10)).hasMessageContaining("field 'k': must be a whole number");
        assertThatThrownBy(() -> f.integer("s", 1, 10)).hasMessageContaining("got text");
        assertThatThrownBy(() -> f.integer("e", 1, 10)).hasMessageContaining("field 'e'");
        assertThatThrownBy(() -> f.bool("t")).hasMessage("field 't': must be true or false, got text");
        assertThatThrownBy(() -> f.integer("n", 1, 5)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> f.integers("p", 5, 10)).hasMessageContaining("field 'p.k'");
        assertThatThrownBy(() -> f.texts("o", 5, 10)).hasMessageContaining("field 'o[1]'");
        assertThat(f.integer("n", 1, 10)).isEqualTo(7L);
        assertThat(f.text("absent", 10)).isNull();
        assertThatThrownBy(() -> f.only(Set.of("data"))).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("is not a field of this request");
        assertThatThrownBy(() -> StrictJson.object("[1]", "one JSON object")).isInstanceOf(SegmentsException.class)
                .hasMessageContaining("must be one JSON object, not an array");
        assertThat(StrictJson.object("{\"o\": [\"a\"]}", "x").texts("o", 1, 5)).isEqualTo(List.of("a"));
    }
}
