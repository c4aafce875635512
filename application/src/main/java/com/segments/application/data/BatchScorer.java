package com.segments.application.data;

import com.segments.application.ScoreReport;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Streams a CSV through a model's predict path into an output CSV. */
public final class BatchScorer {

    private BatchScorer() {
    }

    public static ScoreReport score(ModelVersion version, Path data, Character delimiter, Path out) {
        return score(version, CsvSource.open(data, delimiter), out);
    }

    /** Scores any CSV source (a file, or an upload read once) into {@code out}, which appears only when complete. */
    public static ScoreReport score(ModelVersion version, CsvSource source, Path out) {
        TrainedModel model = version.model();
        FeatureSchema schema = model.schema();
        long[] perSegment = new long[model.segmentCount()];
        long[] counts = new long[3]; // rows, outliers, noise
        Path target = CsvOutput.write(out, csv -> {
            int[][] positions = new int[1][];
            int[] idPosition = {-1};
            double[] buffer = new double[schema.size()];
            source.read(header -> {
                try {
                    positions[0] = schema.positionsIn(header, source.name());
                } catch (FieldValidationException e) {
                    throw new DataFileException(e.getMessage());
                }
                idPosition[0] = schema.idColumn() == null ? -1 : header.indexOf(schema.idColumn());
                csv.writeRecord(idPosition[0] >= 0 ? schema.idColumn() : "row", "segment", "distance", "confidence", "outlier");
            }, (row, line, fields) -> {
                fillRaw(fields, positions[0], buffer, schema, source.name(), row, line);
                Assignment assignment = model.assignInPlace(buffer);
                String id = idPosition[0] >= 0 ? fields.get(idPosition[0]).strip() : Long.toString(row);
                csv.writeRecord(id, Integer.toString(assignment.segment()), Double.toString(assignment.distance()),
                        Double.toString(assignment.confidence()), Boolean.toString(assignment.outlier()));
                if (assignment.isNoise()) {
                    counts[2]++;
                } else {
                    perSegment[assignment.segment()]++;
                }
                counts[0]++;
                if (assignment.outlier()) {
                    counts[1]++;
                }
            });
        });
        return new ScoreReport(version.version(), counts[0], perSegment, counts[2], counts[1], target);
    }

    private static void fillRaw(List<String> fields, int[] positions, double[] buffer, FeatureSchema schema,
                                String file, long row, long line) {
        for (int j = 0; j < positions.length; j++) {
            String cell = fields.get(positions[j]);
            Field field = schema.fields().get(j);
            if (field.kind() != Field.Kind.NUMBER) {
                try {
                    buffer[j] = field.encode(Cells.isMissing(cell) ? null : cell);
                } catch (FieldValidationException e) {
                    throw new DataFileException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': %s",
                            file, row, line, field.name(), e.getMessage()));
                }
                continue;
            }
            if (Cells.isMissing(cell)) {
                buffer[j] = Double.NaN;
                continue;
            }
            double value = Cells.parseNumber(cell);
            if (Double.isNaN(value)) {
                throw new DataFileException(String.format(Locale.ROOT,
                        "%s: row %d (line %d), column '%s': \"%s\" is not a number", file, row, line,
                        field.name(), cell));
            }
            buffer[j] = value;
        }
    }
}
