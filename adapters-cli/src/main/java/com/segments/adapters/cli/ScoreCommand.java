package com.segments.adapters.cli;

import com.segments.application.ModelReference;
import com.segments.application.ScoreBatch;
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
        description = {"Assign every row of a customer CSV to a segment.",
                "Writes id, segment, distance, confidence and outlier per input row; the file appears only once "
                        + "every row is scored."})
class ScoreCommand implements Runnable {

    @Inject
    ScoreBatch scoreBatch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    TransactionsUseCases transactions;

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
