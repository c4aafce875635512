package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.score.InDatabaseScoring;

import java.util.Objects;

/**
 * Scores a customer table inside the database the models are stored in: the model goes to the data as one SQL
 * statement, and no customer row crosses the wire. Writes id, segment, distance, confidence, outlier, version and
 * scored_at per customer into a target table.
 */
public final class ScoreInDatabase {

    /** Rows per chunk when the id is a whole number: progress every chunk, one transaction for all. */
    public static final int DEFAULT_CHUNK_ROWS = 1_000_000;

    private final ModelLookup lookup;
    private final InDatabaseScoring scoring;

    public ScoreInDatabase(ModelLookup lookup, InDatabaseScoring scoring) {
        this.lookup = lookup;
        this.scoring = scoring;
    }

    public InDatabaseScoring.Report score(Command command, InDatabaseScoring.Progress progress) {
        return scoring.score(lookup.resolve(command.model()), new InDatabaseScoring.Source(command.table(),
                command.idColumn()), command.into(), command.chunkRows(), progress);
    }

    /**
     * @param model     a version, an alias, or {@link ModelReference#ACTIVE}
     * @param table     the customers to score
     * @param idColumn  the column identifying a customer, or {@code null} for the model's own id column
     * @param into      the table the scores go into (created when absent)
     * @param chunkRows about how many rows each statement scores
     */
    public record Command(ModelReference model, String table, String idColumn, String into, int chunkRows) {
        public Command {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(into, "into");
            if (chunkRows < 1) {
                throw new SegmentsException("rows per chunk must be at least 1, got " + chunkRows);
            }
        }
    }
}
