package com.segments.application.data;

import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.model.DataFingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a customer table (one row per customer) and infers, with reasons, which column identifies a customer and
 * which columns are numeric features. Rules:
 * <ul>
 *   <li>the id column is the first one named like an id ({@code id}, {@code *_id}, {@code CustomerID}, ...), or
 *       else a first column of unique non-numeric values; without one, rows are numbered;</li>
 *   <li>a column is a numeric feature when at least 90% of its present cells are numbers; a non-numeric cell in
 *       such a column is an error naming its row and column (it is more likely a typo than a text column);</li>
 *   <li>anything else (text, empty columns) is ignored and reported.</li>
 * </ul>
 * Missing cells (empty, NA, NaN, null) become {@code NaN}, to be imputed. Nothing is dropped silently.
 */
public final class CustomerTableReader {

    /** Share of a column's present cells that must be numbers for it to count as numeric. */
    static final double NUMERIC_SHARE = 0.9;

    private CustomerTableReader() {
    }

    /** The profiles read from a file, with the reasons and the data fingerprint. */
    public record Table(CustomerProfiles profiles, InferenceReport report, DataFingerprint fingerprint) {
    }

    public static Table read(Path file, Character delimiter) {
        CsvSource source = CsvSource.open(file, delimiter);
        Columns columns = new Columns();
        String sha256 = source.read(columns::header, columns::row);
        return columns.finish(source, sha256);
    }

    static boolean looksLikeIdName(String column) {
        String lower = column.toLowerCase(Locale.ROOT).strip();
        return lower.equals("id") || lower.endsWith("_id") || lower.endsWith(" id") || lower.endsWith("-id")
                || lower.matches("(customer|cust|client|user|member|account)[ _-]?(id|no|number)");
    }

    /** Per-column accumulation during the single pass over the file. */
    private static final class Columns {
        private List<String> header;
        private double[][] values;
        private long[] numeric;
        private long[] missing;
        private long[] text;
        private long[] firstTextRow;
        private long[] firstTextLine;
        private String[] firstText;
        /** The column whose cells are kept as text: the first one named like an id, else the first column. */
        private int idCandidate;
        private boolean idByName;
        private final List<String> idCells = new ArrayList<>();
        private int rows;

        void header(List<String> names) {
            header = names;
            int width = names.size();
            values = new double[width][1024];
            numeric = new long[width];
            missing = new long[width];
            text = new long[width];
            firstTextRow = new long[width];
            firstTextLine = new long[width];
            firstText = new String[width];
            idCandidate = 0;
            for (int j = 0; j < width; j++) {
                if (looksLikeIdName(names.get(j))) {
                    idCandidate = j;
                    idByName = true;
                    break;
                }
            }
        }

        void row(long row, long line, List<String> fields) {
            if (rows == values[0].length) {
                for (int j = 0; j < values.length; j++) {
                    values[j] = Arrays.copyOf(values[j], rows * 2);
                }
            }
            for (int j = 0; j < fields.size(); j++) {
                String cell = fields.get(j);
                double value = Double.NaN;
                if (Cells.isMissing(cell)) {
                    missing[j]++;
                } else {
                    value = Cells.parseNumber(cell);
                    if (Double.isNaN(value)) {
                        if (text[j]++ == 0) {
                            firstTextRow[j] = row;
                            firstTextLine[j] = line;
                            firstText[j] = cell;
                        }
                    } else {
                        numeric[j]++;
                    }
                }
                values[j][rows] = value;
            }
            idCells.add(fields.get(idCandidate).strip());
            rows++;
        }

        Table finish(CsvSource source, String sha256) {
            String file = source.name();
            if (rows == 0) {
                throw new DataFileException(file + ": has a header but no data rows");
            }
            int idIndex = chooseIdColumn();
            List<InferenceReport.Column> report = new ArrayList<>();
            List<Integer> featureIndices = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                String name = header.get(j);
                if (j == idIndex) {
                    report.add(new InferenceReport.Column(name, ColumnRole.ID,
                            looksLikeIdName(name) ? "named like an id" : "first column, unique text values", missing[j]));
                    continue;
                }
                long present = numeric[j] + text[j];
                if (numeric[j] == 0) {
                    report.add(new InferenceReport.Column(name, ColumnRole.IGNORED,
                            present == 0 ? "no values" : "text, not numbers", missing[j]));
                    continue;
                }
                if (numeric[j] < NUMERIC_SHARE * present) {
                    report.add(new InferenceReport.Column(name, ColumnRole.IGNORED, String.format(Locale.ROOT,
                            "mostly text (%d of %d values are numbers)", numeric[j], present), missing[j]));
                    continue;
                }
                if (text[j] > 0) {
                    throw new DataFileException(String.format(Locale.ROOT,
                            "%s: row %d (line %d), column '%s': \"%s\" is not a number (%d of %d values in this column are; "
                                    + "fix the cell, or leave it empty to mark it missing)",
                            file, firstTextRow[j], firstTextLine[j], name, firstText[j], numeric[j], present));
                }
                featureIndices.add(j);
                String reason = missing[j] == 0 ? "numbers" : "numbers, " + missing[j] + " missing (imputed with the median)";
                report.add(new InferenceReport.Column(name, ColumnRole.NUMERIC_FEATURE, reason, missing[j]));
                if (isConstant(values[j], rows)) {
                    warnings.add("column '" + name + "' has the same value in every row and carries no information");
                }
            }
            if (featureIndices.isEmpty()) {
                throw new DataFileException(file + ": no numeric feature column found among " + header
                        + (idIndex >= 0 ? " (id column: '" + header.get(idIndex) + "')" : "")
                        + "; a feature column needs numbers in at least 90% of its cells");
            }
            List<String> ids = ids(idIndex, warnings, file);
            int d = featureIndices.size();
            double[] flat = new double[rows * d];
            for (int f = 0; f < d; f++) {
                double[] column = values[featureIndices.get(f)];
                for (int i = 0; i < rows; i++) {
                    flat[i * d + f] = column[i];
                }
            }
            List<String> featureNames = featureIndices.stream().map(header::get).toList();
            FeatureSchema schema = new FeatureSchema(idIndex >= 0 ? header.get(idIndex) : null, featureNames);
            CustomerProfiles profiles = new CustomerProfiles(schema, ids, DataMatrix.wrap(rows, d, flat));
            return new Table(profiles, new InferenceReport(file, rows, report, warnings),
                    new DataFingerprint(source.file().toAbsolutePath().normalize().toString(), rows, sha256));
        }

        private int chooseIdColumn() {
            if (idByName) {
                return idCandidate;
            }
            boolean firstIsText = numeric[0] < NUMERIC_SHARE * (numeric[0] + text[0]) && missing[0] == 0;
            if (firstIsText && new HashSet<>(idCells).size() == rows) {
                return 0;
            }
            return -1;
        }

        private List<String> ids(int idIndex, List<String> warnings, String file) {
            List<String> ids = new ArrayList<>(rows);
            if (idIndex < 0) {
                for (int i = 1; i <= rows; i++) {
                    ids.add("row-" + i);
                }
                warnings.add(file + " has no id column; customers are named by row number (row-1, row-2, ...)");
                return ids;
            }
            List<String> raw = idCells;
            Set<String> seen = new HashSet<>();
            long duplicates = 0;
            long blank = 0;
            for (int i = 0; i < rows; i++) {
                String id = raw.get(i);
                if (id.isEmpty()) {
                    blank++;
                    id = "row-" + (i + 1);
                }
                if (!seen.add(id)) {
                    duplicates++;
                }
                ids.add(id);
            }
            if (duplicates > 0) {
                warnings.add(duplicates + " row(s) repeat an id already seen in '" + header.get(idIndex) + "'");
            }
            if (blank > 0) {
                warnings.add(blank + " row(s) have no id in '" + header.get(idIndex) + "'; they are named by row number");
            }
            return ids;
        }

        private static boolean isConstant(double[] column, int rows) {
            double first = Double.NaN;
            for (int i = 0; i < rows; i++) {
                if (!Double.isNaN(column[i])) {
                    if (Double.isNaN(first)) {
                        first = column[i];
                    } else if (column[i] != first) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
