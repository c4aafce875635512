package com.segments.application;

import com.segments.application.data.BatchScorer;
import com.segments.domain.model.ModelVersion;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Scores a whole file with one model, streaming: memory does not grow with the file. The output appears only when
 * every row has been scored; a bad row leaves no partial file behind.
 */
public final class ScoreBatch {

    private final ModelLookup lookup;

    public ScoreBatch(ModelLookup lookup) {
        this.lookup = lookup;
    }

    public ScoreReport score(Command command) {
        ModelVersion model = lookup.resolve(command.model());
        return BatchScorer.score(model, command.data(), command.delimiter(), command.out());
    }

    /**
     * Scores an uploaded CSV, read once as it arrives, into {@code out} (which appears only when every row is scored).
     *
     * @param name a name for messages ("upload.csv")
     */
    public ScoreReport scoreUpload(java.io.InputStream upload, String name, Character delimiter, Path out,
                                   ModelReference reference) {
        ModelVersion model = lookup.resolve(reference);
        return BatchScorer.score(model, com.segments.application.data.CsvSource.ofStream(upload, name, delimiter), out);
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
