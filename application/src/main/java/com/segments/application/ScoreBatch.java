package com.segments.application;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.table.RecordFiles;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.TableReader;
import com.segments.domain.table.TextColumn;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Scores a whole file with one model, streaming in blocks: memory does not grow with the file. The output appears
 * only when every row has been scored; a bad row leaves no partial file behind.
 */
public final class ScoreBatch {

    /** Rows read, transformed and assigned together. */
    static final int BLOCK_ROWS = 16_384;

    private final ModelLookup lookup;
    private final DataReader reader;
    private final RecordFiles files;

    public ScoreBatch(ModelLookup lookup, DataReader reader, RecordFiles files) {
        this.lookup = lookup;
        this.reader = reader;
        this.files = files;
    }

    public ScoreReport score(Command command) {
        ModelVersion model = lookup.resolve(command.model());
        return score(model, reader.open(command.data(), command.delimiter()), command.out());
    }

    /**
     * Scores an uploaded CSV, read once as it arrives, into {@code out} (which appears only when every row is scored).
     *
     * @param name a name for messages ("upload.csv")
     */
    public ScoreReport scoreUpload(InputStream upload, String name, Character delimiter, Path out,
                                   ModelReference reference) {
        ModelVersion model = lookup.resolve(reference);
        return score(model, reader.open(upload, name, delimiter), out);
    }

    private ScoreReport score(ModelVersion version, TableReader source, Path out) {
        TrainedModel model = version.model();
        FeatureSchema schema = model.schema();
        Counts counts = new Counts(model.segmentCount());
        try (RecordFiles.RecordSink sink = files.create(out)) {
            String[] row = new String[5];
            List<String> unused = reader.readForModel(source, schema, List.of(), BLOCK_ROWS,
                    header -> sink.write(new String[] {schema.idColumn() != null && header.contains(schema.idColumn())
                            ? schema.idColumn() : "row", "segment", "distance", "confidence", "outlier"}),
                    block -> {
                        Assignments answers = model.assignAll(SchemaReads.rawMatrix(schema, block).rowMajorView());
                        TextColumn ids = schema.idColumn() == null ? null : (TextColumn) block.column(schema.idColumn());
                        for (int i = 0; i < answers.size(); i++) {
                            counts.add(answers, i);
                            row[0] = ids != null ? ids.text(i) : Long.toString(counts.rows);
                            row[1] = Integer.toString(answers.segment(i));
                            row[2] = Double.toString(answers.distance(i));
                            row[3] = Double.toString(answers.confidence(i));
                            row[4] = Boolean.toString(answers.outlier(i));
                            sink.write(row);
                        }
                    });
            Path target = sink.commit();
            return new ScoreReport(version.version(), counts.rows, counts.perSegment, counts.noise, counts.outliers,
                    target, unused);
        }
    }

    /** Rows per segment, noise and outliers, as they are scored. */
    private static final class Counts {
        final long[] perSegment;
        long rows;
        long noise;
        long outliers;

        Counts(int segments) {
            perSegment = new long[segments];
        }

        void add(Assignments answers, int i) {
            rows++;
            int segment = answers.segment(i);
            if (segment == Assignment.NOISE) {
                noise++;
            } else {
                perSegment[segment]++;
            }
            if (answers.outlier(i)) {
                outliers++;
            }
        }
    }

    /**
     * Score every row of a customer table with a model.
     *
     * @param data      the CSV file to score
     * @param out       where to write one line per input row
     * @param delimiter field separator of {@code data}, or {@code null} to detect it
     * @param model     a version, an alias, or {@link ModelReference#ACTIVE}
     */
    public record Command(Path data, Path out, Character delimiter, ModelReference model) {

        public Command {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(model, "model");
        }
    }
}
