package com.segments.domain.feature;

import java.util.List;
import java.util.Locale;

/**
 * A derived feature's formula over raw columns: numbers, column names (bare, or in backquotes when they contain
 * spaces or operators), {@code + - * /}, unary minus and parentheses. A missing input makes the result missing
 * (imputed later); a division by zero gives the feature's {@code onZero} value, never infinity.
 */
public sealed interface Expression {

    /** Evaluates over a raw row; {@code onZero} is the value of any division by zero. */
    double evaluate(double[] row, double onZero);

    record Column(String name, int index) implements Expression {
        @Override
        public double evaluate(double[] row, double onZero) {
            return row[index];
        }
    }

    record Constant(double value) implements Expression {
        @Override
        public double evaluate(double[] row, double onZero) {
            return value;
        }
    }

    record Negate(Expression operand) implements Expression {
        @Override
        public double evaluate(double[] row, double onZero) {
            return -operand.evaluate(row, onZero);
        }
    }

    record Binary(char operator, Expression left, Expression right) implements Expression {
        @Override
        public double evaluate(double[] row, double onZero) {
            double a = left.evaluate(row, onZero);
            double b = right.evaluate(row, onZero);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : b == 0 ? onZero : a / b;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }
    }

    /**
     * Parses a formula whose names must be among {@code columns} (their positions are the row indices).
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    static Expression parse(String text, List<String> columns) {
        return new Parser(text, columns).parseAll();
    }

    /** Recursive descent over: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*. */
    final class Parser {
        private final String text;
        private final List<String> columns;
        private int at;

        private Parser(String text, List<String> columns) {
            this.text = text;
            this.columns = columns;
        }

        Expression parseAll() {
            Expression e = sum();
            skipSpaces();
            if (at < text.length()) {
                throw error("unexpected '" + text.charAt(at) + "'");
            }
            return e;
        }

        private Expression sum() {
            Expression e = product();
            while (true) {
                skipSpaces();
                if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    char op = text.charAt(at++);
                    e = new Binary(op, e, product());
                } else {
                    return e;
                }
            }
        }

        private Expression product() {
            Expression e = unary();
            while (true) {
                skipSpaces();
                if (at < text.length() && (text.charAt(at) == '*' || text.charAt(at) == '/')) {
                    char op = text.charAt(at++);
                    e = new Binary(op, e, unary());
                } else {
                    return e;
                }
            }
        }

        private Expression unary() {
            skipSpaces();
            if (at >= text.length()) {
                throw error("a number, a column or '(' expected at the end");
            }
            char c = text.charAt(at);
            if (c == '-') {
                at++;
                return new Negate(unary());
            }
            if (c == '(') {
                at++;
                Expression inner = sum();
                skipSpaces();
                if (at >= text.length() || text.charAt(at) != ')') {
                    throw error("')' expected");
                }
                at++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                try {
                    return new Constant(Double.parseDouble(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw error("'" + text.substring(start, at) + "' is not a number");
                }
            }
            String name;
            if (c == '`') {
                int end = text.indexOf('`', at + 1);
                if (end < 0) {
                    throw error("closing ` expected");
                }
                name = text.substring(at + 1, end);
                at = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                name = text.substring(start, at);
            } else {
                throw error("unexpected '" + c + "'");
            }
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("formula \"" + text + "\" names column '" + name
                        + "', which is not among the numeric columns " + columns);
            }
            return new Column(name, index);
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "formula \"%s\", position %d: %s",
                    text, at + 1, what));
        }
    }
}
