package com.segments.domain.feature;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionLimitsTest {

    private static final List<String> COLUMNS = List.of("a", "b");

    @Test
    void deeplyNestedParenthesesAreRefusedWithAClearErrorNotAStackOverflow() {
        String formula = "(".repeat(2_000) + "a" + ")".repeat(2_000);
        assertThatThrownBy(() -> Expression.parse(formula, COLUMNS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nests deeper than 200");
        assertThatThrownBy(() -> Expression.checkSyntax("-".repeat(1_000) + "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nests deeper than 200");
    }

    @Test
    void longOperatorChainsAreBoundedToo() {
        String chain = "a" + "+a".repeat(300);
        assertThatThrownBy(() -> Expression.parse(chain, COLUMNS)).hasMessageContaining("nests deeper than 200");
        String fine = "a" + "+a".repeat(150);
        assertThat(Expression.parse(fine, COLUMNS).evaluate(new double[]{1, 2}, 0)).isEqualTo(151);
    }

    @Test
    void nestingJustUnderTheLimitStillWorks() {
        String formula = "(".repeat(150) + "a/b" + ")".repeat(150);
        assertThat(Expression.parse(formula, COLUMNS).evaluate(new double[]{3, 2}, 0)).isEqualTo(1.5);
        assertThat(Expression.parse("--a", COLUMNS).evaluate(new double[]{3, 2}, 0)).isEqualTo(3);
    }

    @Test
    void overlongFormulasAreRefusedAndErrorsDoNotRepeatThemWhole() {
        assertThatThrownBy(() -> Expression.checkSyntax("a+".repeat(3_000) + "a"))
                .hasMessageContaining("at most 4096");
        String bad = "a+" + "b".repeat(500) + "+)";
        assertThatThrownBy(() -> Expression.checkSyntax(bad)).hasMessageContaining("unexpected ')'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void syntaxCheckAcceptsAnyColumnName() {
        Expression.checkSyntax("x / (y + `z w`)");
        assertThatThrownBy(() -> Expression.parse("x", COLUMNS)).hasMessageContaining("names column 'x'");
    }
}
