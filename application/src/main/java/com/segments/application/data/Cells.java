package com.segments.application.data;


/** How a CSV cell is read as a number: what counts as missing and what counts as numeric. */
final class Cells {

    private Cells() {
    }

    static boolean isMissing(String cell) {
        return com.segments.domain.feature.Field.isMissingText(cell);
    }

    /**
     * The cell as a finite number, or {@code NaN} when it is not one. Only plain decimal notation is accepted
     * (optional sign, digits, point, exponent): {@link Double#parseDouble} alone would also take "1d", "0x1p3"
     * and "Infinity", which no customer table means as numbers.
     */
    static double parseNumber(String cell) {
        String s = cell.strip();
        if (s.isEmpty() || s.length() > 64) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(s);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
