package com.segments.application;

import com.segments.domain.score.InDatabaseScoring;
import com.segments.domain.score.ScoringDialect;

import java.util.Objects;

/**
 * Writes a model as one SQL statement that scores every row of a table where it lies (PostgreSQL, H2, Spark SQL,
 * DuckDB), for a user to run on their own engine. A model SQL cannot express is refused with the reason.
 */
public final class ExportModelSql {

    private final ModelLookup lookup;
    private final InDatabaseScoring scoring;

    public ExportModelSql(ModelLookup lookup, InDatabaseScoring scoring) {
        this.lookup = lookup;
        this.scoring = scoring;
    }

    /** The statement, ending in a semicolon. */
    public String export(Command command) {
        return scoring.statement(lookup.resolve(command.model()), command.dialect(),
                new InDatabaseScoring.Source(command.table(), command.idColumn()));
    }

    /**
     * @param model    a version, an alias, or {@link ModelReference#ACTIVE}
     * @param dialect  the engine the statement is for
     * @param table    the table of customers it reads
     * @param idColumn the column identifying a customer, or {@code null} for the model's own id column
     */
    public record Command(ModelReference model, ScoringDialect dialect, String table, String idColumn) {
        public Command {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(table, "table");
        }
    }
}
