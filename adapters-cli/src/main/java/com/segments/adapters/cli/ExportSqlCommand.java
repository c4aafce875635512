package com.segments.adapters.cli;

import com.segments.application.ExportModelSql;
import com.segments.application.ModelReference;
import com.segments.domain.score.ScoringDialect;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "export-sql", mixinStandardHelpOptions = true,
        description = {"Print a model as one SQL statement that scores every row of a table where it lies.",
                "SELECT id, segment, distance, confidence, outlier, version FROM the table, with the model's "
                        + "preprocessing and nearest-centre rule written out; a model SQL cannot express (HDBSCAN's "
                        + "stored rows and condensed tree, a linkage's stored rows) is refused with the reason."})
class ExportSqlCommand implements Runnable {

    @Inject
    ExportModelSql export;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--dialect", paramLabel = "NAME", defaultValue = "postgresql",
            description = "postgresql, h2, spark or duckdb (default: ${DEFAULT-VALUE})")
    String dialect;

    @Option(names = "--table", paramLabel = "T", defaultValue = "customers",
            description = "the table of customers, or schema.table (default: ${DEFAULT-VALUE}); quoted as written")
    String table;

    @Option(names = "--id", paramLabel = "COL", description = "the table's id column (default: the model's id column)")
    String id;

    @Override
    public void run() {
        String sql = export.export(new ExportModelSql.Command(ModelReference.parse(model), ScoringDialect.parse(dialect),
                table, id));
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(sql);
        writer.flush();
    }
}
