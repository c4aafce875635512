package com.segments.adapters.cli;

import com.segments.application.CompareGroups;
import com.segments.application.ModelReference;
import com.segments.domain.profile.GroupComparison;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Command(name = "groups", mixinStandardHelpOptions = true,
        description = {"Compare the segment mix of each group (bank, branch, country, ...) with the whole population:",
                "a chi-square test, adjusted standardised residuals per cell, and the notable differences in words."})
class GroupsCommand implements Runnable {

    @Inject
    CompareGroups compareGroups;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataOptions source = new DataOptions();

    @Option(names = "--by", required = true, paramLabel = "COLUMN", description = "the group attribute, e.g. bank")
    String by;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "also write an HTML page with bar charts")
    Path report;

    @Override
    public void run() {
        CompareGroups.Result result = compareGroups.compare(source.input(), by, ModelReference.parse(model));
        GroupComparison c = result.comparison();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("modelVersion", result.version());
            j.put("source", result.source());
            j.put("customers", result.customers());
            j.put("noise", result.noise());
            j.put("by", c.groupColumn());
            j.put("groups", c.groups());
            j.put("segments", c.segments());
            j.put("counts", c.counts());
            j.put("residuals", c.residuals());
            j.put("chiSquare", c.chiSquare());
            j.put("degreesOfFreedom", c.degreesOfFreedom());
            j.put("pValue", c.pValue());
            j.put("findings", c.findings());
            out.println(Json.write(j));
        } else {
            out.print(text(result));
        }
        if (report != null) {
            Reports.write(report, GroupsReport.html(result));
            if (!json) {
                out.printf("Report written to %s%n", report);
            }
        }
        out.flush();
    }

    private static String text(CompareGroups.Result result) {
        GroupComparison c = result.comparison();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Segment mix by %s: %s customers of %s, model version %d%n", c.groupColumn(), Numbers.count(result.customers()),
                result.source(), result.version()));
        if (!result.unusedColumns().isEmpty()) {
            out.append("note: model version ").append(result.version()).append(" does not use the column(s) ")
                    .append(String.join(", ", result.unusedColumns())).append(" of ").append(result.source()).append('\n');
        }
        TextTable table = TextTable.numeric();
        String[] header = new String[c.segments().size() + 2];
        header[0] = c.groupColumn();
        for (int s = 0; s < c.segments().size(); s++) {
            header[s + 1] = c.segments().get(s);
        }
        header[header.length - 1] = "customers";
        table.row(header);
        long[] columnTotals = new long[c.segments().size()];
        long total = 0;
        for (int g = 0; g < c.groups().size(); g++) {
            long rowTotal = java.util.Arrays.stream(c.counts()[g]).sum();
            String[] row = new String[header.length];
            row[0] = c.groups().get(g);
            for (int s = 0; s < c.segments().size(); s++) {
                row[s + 1] = String.format(Locale.ROOT, "%s (%+.1f)", Numbers.percent(rowTotal == 0 ? 0 : (double) c.counts()[g][s] / rowTotal),
                        c.residuals()[g][s]);
                columnTotals[s] += c.counts()[g][s];
            }
            row[row.length - 1] = Numbers.count(rowTotal);
            total += rowTotal;
            table.row(row);
        }
        String[] all = new String[header.length];
        all[0] = "all";
        for (int s = 0; s < c.segments().size(); s++) {
            all[s + 1] = Numbers.percent(total == 0 ? 0 : (double) columnTotals[s] / total);
        }
        all[all.length - 1] = Numbers.count(total);
        table.row(all);
        out.append(table.render());
        out.append(String.format(Locale.ROOT, "Share of each group's customers per segment (adjusted standardised residual; "
                + "|r| > 3 is a real difference). Chi-square %.1f, %d degrees of freedom, p = %.3g%n",
                c.chiSquare(), c.degreesOfFreedom(), c.pValue()));
        out.append("Findings:\n");
        c.findings().forEach(f -> out.append("  - ").append(f).append('\n'));
        return out.toString();
    }
}
