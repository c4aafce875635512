package com.segments.domain.score;

import com.segments.domain.model.ModelVersion;

import java.util.Objects;

/**
 * The port that writes a model as one SQL statement and runs it where the customers are, so that scoring a table
 * moves the model to the data instead of the data to the model. The statement answers, for every row of a table,
 * what {@link com.segments.domain.model.TrainedModel#assignAll} answers: segment, distance, confidence, outlier.
 */
public interface InDatabaseScoring {

    /**
     * The statement scoring every row of {@code source}: {@code SELECT id, segment, distance, confidence, outlier,
     * version}.
     *
     * @throws NotExpressibleException naming the step or rule that SQL cannot express, and why
     * @throws com.segments.domain.SegmentsException for a table or column name that is not a usable identifier
     */
    String statement(ModelVersion model, ScoringDialect dialect, Source source);

    /**
     * Scores every row of {@code source} inside the database the models are stored in, inserting one row per
     * customer into {@code into} (created when absent), all or nothing.
     *
     * @throws NotExpressibleException as {@link #statement}
     * @throws com.segments.domain.table.DataSourceException naming a missing table or column
     */
    Report score(ModelVersion model, Source source, String into, int chunkRows, Progress progress);

    /**
     * A table of customers to score.
     *
     * @param table    a table name, optionally schema-qualified ({@code crm.customers})
     * @param idColumn the column identifying a customer; {@code null} for the model's own id column
     */
    record Source(String table, String idColumn) {
        public Source {
            Objects.requireNonNull(table, "table");
        }
    }

    /** What a run did, for the summary a user reads. */
    record Report(int version, String table, String into, long rows, long[] perSegment, long outliers, int chunks,
                  ScoringDialect dialect) {
    }

    /** Told after each chunk is scored. */
    interface Progress {
        void chunk(int done, int chunks, long rowsSoFar);

        Progress NONE = (done, chunks, rows) -> {
        };
    }
}
