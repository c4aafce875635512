package com.segments.adapters.cli;

import com.segments.application.ModelReference;
import com.segments.application.ScoreBatch;
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

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "customers to score")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the scores")
    Path out;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator of the input: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public void run() {
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
            writer.println(Json.write(summary));
        } else {
            writer.printf("Scored %s rows of %s with model version %d into %s%n", Numbers.count(report.rows()),
                    data.getFileName(), report.modelVersion(), report.out());
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
}
