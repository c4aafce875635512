package com.segments.domain.feature;

import java.util.List;
import java.util.Objects;

/**
 * Appends derived features computed from the raw columns (a credit-utilisation ratio {@code BALANCE /
 * CREDIT_LIMIT}, a total spend as a sum). Each keeps its formula text, so a stored model can be read back and
 * shown as it was written.
 *
 */
public final class DerivedColumns implements FittedStep {

    private final int width;
    private final List<Derived> derived;
    private final List<String> columns;
    private final Expression[] expressions;

    /**
     * @param name    the derived column's name
     * @param formula the formula as written
     * @param onZero  the value of a division by zero
     */
    public record Derived(String name, String formula, double onZero) {
        public Derived {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(formula, "formula");
            if (!Double.isFinite(onZero)) {
                throw new IllegalArgumentException("derived '" + name + "': on_zero must be a finite number");
            }
        }
    }

    /**
     * @param columns the names of the raw columns, which formulas refer to
     * @throws IllegalArgumentException naming the derived feature whose formula does not parse
     */
    public DerivedColumns(List<String> columns, List<Derived> derived) {
        this.columns = List.copyOf(columns);
        this.derived = List.copyOf(derived);
        this.width = this.columns.size();
        if (this.derived.isEmpty()) {
            throw new IllegalArgumentException("derived columns need at least one formula");
        }
        this.expressions = expressionsFor(this.derived, this.columns);
    }

    public List<Derived> derived() {
        return derived;
    }

    public List<String> columns() {
        return columns;
    }

    private static Expression[] expressionsFor(List<Derived> derived, List<String> columns) {
        Expression[] expressions = new Expression[derived.size()];
        for (int i = 0; i < expressions.length; i++) {
            try {
                expressions[i] = Expression.parse(derived.get(i).formula(), columns);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("derived '" + derived.get(i).name() + "': " + e.getMessage(), e);
            }
        }
        return expressions;
    }

    public List<String> names() {
        return derived.stream().map(Derived::name).toList();
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return width + derived.size();
    }

    @Override
    public double[] apply(double[] row) {
        double[] out = java.util.Arrays.copyOf(row, width + expressions.length);
        for (int i = 0; i < expressions.length; i++) {
            out[width + i] = expressions[i].evaluate(row, derived.get(i).onZero());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivedColumns other && columns.equals(other.columns) && derived.equals(other.derived);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + derived.hashCode();
    }

    @Override
    public String toString() {
        return "DerivedColumns" + derived;
    }
}
