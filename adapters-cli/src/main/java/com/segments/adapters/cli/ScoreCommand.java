package com.segments.adapters.cli;

import com.segments.application.ModelReference;
import com.segments.application.ScoreBatch;
import com.segments.application.ScoreInDatabase;
import com.segments.domain.score.InDatabaseScoring;
import com.segments.application.TransactionsUseCases;
import com.segments.domain.SegmentsException;
import com.segments.application.ScoreReport;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Assign every row of a customer CSV (or, --in-database, of a database table) to a segment.",
                "Writes id, segment, distance, confidence and outlier per input row; the file appears only once "
                        + "every row is scored. With --in-database the model runs as SQL inside the database and "
                        + "the scores go into a table, all or nothing."})
class ScoreCommand implements Runnable {

    @Inject
    ScoreBatch scoreBatch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    TransactionsUseCases transactions;

    @Inject
    ScoreInDatabase inDatabase;

    @Option(names = "--in-database", description = "score a table of the database the models are stored in, inside "
            + "it (PostgreSQL or H2): the model runs as SQL, rows never leave the database")
    boolean inDatabaseRun;

    @Option(names = "--table", paramLabel = "T", description = "with --in-database: the table of customers (or schema.table)")
    String table;

    @Option(names = "--id", paramLabel = "COL", description = "with --in-database: the table's id column "
            + "(default: the model's id column)")
    String id;

    @Option(names = "--into", paramLabel = "TABLE", defaultValue = "customer_scores", description = "with "
            + "--in-database: the table the scores go into, created when absent (default: ${DEFAULT-VALUE})")
    String into;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "" + ScoreInDatabase.DEFAULT_CHUNK_ROWS,
            description = "with --in-database: about how many rows each statement scores when the id is a whole "
                    + "number (default: ${DEFAULT-VALUE}); one transaction for all")
    int chunkRows;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "customers to score (a customer table, or profiles "
            + "written by 'segments profiles')")
    Path data;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "where to write the scores (with --data)")
    Path out;

    @Option(names = "--stored-transactions", description = "score the customers of fact_transactions and write each "
            + "one's segment into customer_segment (the model must be trained with --transactions)")
    boolean stored;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator of the input: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public void run() {
        if (inDatabaseRun) {
            if (data != null || out != null || stored) {
                throw new SegmentsException("--in-database scores a table of the database; it takes no --data, --out "
                        + "or --stored-transactions");
            }
            if (table == null) {
                throw new SegmentsException("--in-database needs --table T, the table of customers to score");
            }
            scoreInDatabase();
            return;
        }
        if (table != null || id != null) {
            throw new SegmentsException("--table and --id go with --in-database");
        }
        if (stored) {
            if (data != null || out != null) {
                throw new SegmentsException("--stored-transactions writes into fact_transactions; it takes no --data or --out");
            }
            scoreStored();
            return;
        }
        if (data == null || out == null) {
            throw new SegmentsException("give --data FILE and --out FILE, or --stored-transactions");
        }
        ScoreReport report = scoreBatch.score(new ScoreBatch.Command(data, out, delimiter, ModelReference.parse(model)));
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("modelVersion", report.modelVersion());
            summary.put("rows", report.rows());
            summary.put("perSegment", report.perSegment());
            summary.put("noise", report.noise());
            summary.put("outliers", report.outliers());
            summary.put("out", report.out().toString());
            summary.put("unusedColumns", report.unusedColumns());
            writer.println(Json.write(summary));
        } else {
            writer.printf("Scored %s rows of %s with model version %d into %s%n", Numbers.count(report.rows()),
                    data.getFileName(), report.modelVersion(), report.out());
            if (!report.unusedColumns().isEmpty()) {
                writer.printf("note: model version %d does not use the column(s) %s of %s%n", report.modelVersion(),
                        String.join(", ", report.unusedColumns()), data.getFileName());
            }
            TextTable table = TextTable.numeric().row("segment", "customers", "share");
            for (int s = 0; s < report.perSegment().length; s++) {
                table.row(Integer.toString(s), Numbers.count(report.perSegment()[s]),
                        Numbers.percent(report.rows() == 0 ? 0 : (double) report.perSegment()[s] / report.rows()));
            }
            if (report.noise() > 0) {
                table.row("noise", Numbers.count(report.noise()),
                        Numbers.percent((double) report.noise() / report.rows()));
            }
            writer.print(table.render());
            writer.printf("%s rows flagged as outliers%n", Numbers.count(report.outliers()));
        }
        writer.flush();
    }

    private void scoreInDatabase() {
        PrintWriter writer = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : writer;
        long started = System.nanoTime();
        InDatabaseScoring.Report report = inDatabase.score(new ScoreInDatabase.Command(ModelReference.parse(model),
                table, id, into, chunkRows), (done, chunks, rows) -> {
            progress.printf("chunk %d of %d: %s rows scored (%.1f s)%n", done, chunks, Numbers.count(rows),
                    (System.nanoTime() - started) / 1e9);
            progress.flush();
        });
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("modelVersion", report.version());
            summary.put("table", report.table());
            summary.put("into", report.into());
            summary.put("rows", report.rows());
            summary.put("perSegment", report.perSegment());
            summary.put("outliers", report.outliers());
            summary.put("chunks", report.chunks());
            summary.put("dialect", report.dialect().id());
            writer.println(Json.write(summary));
        } else {
            writer.printf("Scored %s rows of %s with model version %d inside %s into %s%n", Numbers.count(report.rows()),
                    report.table(), report.version(), report.dialect().id(), report.into());
            TextTable counts = TextTable.numeric().row("segment", "customers", "share");
            for (int s = 0; s < report.perSegment().length; s++) {
                counts.row(Integer.toString(s), Numbers.count(report.perSegment()[s]),
                        Numbers.percent(report.rows() == 0 ? 0 : (double) report.perSegment()[s] / report.rows()));
            }
            writer.print(counts.render());
            writer.printf("%s rows flagged as outliers%n", Numbers.count(report.outliers()));
        }
        writer.flush();
    }

    private void scoreStored() {
        TransactionsUseCases.ScoreReport report = transactions.scoreStored(ModelReference.parse(model));
        PrintWriter writer = spec.commandLine().getOut();
        report.summary().lines().forEach(writer::println);
        writer.printf("Scored %s customers with model version %d; customer_segment set on %s transactions%n",
                Numbers.count(report.customers()), report.version(), Numbers.count(report.rowsUpdated()));
        TextTable table = TextTable.numeric().row("segment", "customers");
        report.perSegment().forEach((segment, count) -> table.row(segment < 0 ? "noise" : Integer.toString(segment),
                Numbers.count(count)));
        writer.print(table.render());
        writer.flush();
    }
}
