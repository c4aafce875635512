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

    /** The longest formula read, in characters. */
    int MAX_LENGTH = 4_096;

    /**
     * The deepest formula read: parentheses, unary minus and chained operators each add a level. Evaluation recurses
     * over the tree, so a bound keeps a hostile spec from overflowing the stack of whatever thread reads it.
     */
    int MAX_DEPTH = 200;

    /**
     * Checks a formula's syntax and bounds without knowing the columns (any name is accepted): for validating a
     * feature spec before a file is read.
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    static void checkSyntax(String text) {
        new Parser(text, null).parseAll();
    }

    /** Recursive descent over: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*. */
    final class Parser {
        private final String text;
        private final List<String> columns;
        private int at;
        /** Open parentheses and unary minuses around the current position (bounds the parser's own recursion). */
        private int nesting;
        /** Tree depth of the last expression returned by a parsing method. */
        private int depth;

        private Parser(String text, List<String> columns) {
            if (text == null) {
                throw new IllegalArgumentException("a formula is missing");
            }
            if (text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("a formula is " + text.length() + " characters long; at most "
                        + MAX_LENGTH);
            }
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
                    int left = depth;
                    Expression right = product();
                    e = binary(op, e, left, right);
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
                    int left = depth;
                    Expression right = unary();
                    e = binary(op, e, left, right);
                } else {
                    return e;
                }
            }
        }

        private Expression binary(char op, Expression left, int leftDepth, Expression right) {
            depth = deeper(Math.max(leftDepth, depth));
            return new Binary(op, left, right);
        }

        private int deeper(int childDepth) {
            if (childDepth + 1 > MAX_DEPTH) {
                throw error("the formula nests deeper than " + MAX_DEPTH
                        + " levels (parentheses, minus signs and chained operators); split it into several derived features");
            }
            return childDepth + 1;
        }

        private Expression unary() {
            skipSpaces();
            if (at >= text.length()) {
                throw error("a number, a column or '(' expected at the end");
            }
            char c = text.charAt(at);
            if (c == '-' || c == '(') {
                if (++nesting > MAX_DEPTH) {
                    throw error("the formula nests deeper than " + MAX_DEPTH
                            + " levels (parentheses, minus signs and chained operators); split it into several derived features");
                }
                at++;
                try {
                    if (c == '-') {
                        Expression operand = unary();
                        depth = deeper(depth);
                        return new Negate(operand);
                    }
                    Expression inner = sum();
                    skipSpaces();
                    if (at >= text.length() || text.charAt(at) != ')') {
                        throw error("')' expected");
                    }
                    at++;
                    return inner;
                } finally {
                    nesting--;
                }
            }
            depth = 1;
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
            if (columns == null) {
                return new Column(name, -1); // syntax check only
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
                    com.segments.domain.TextLimits.echo(text), at + 1, what));
        }
    }
}
