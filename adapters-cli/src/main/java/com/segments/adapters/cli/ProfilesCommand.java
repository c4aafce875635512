package com.segments.adapters.cli;

import com.segments.application.TransactionsUseCases;
import com.segments.application.DataInput;
import com.segments.application.transactions.TransactionProfiles;
import com.segments.domain.SegmentsException;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"Aggregate a transaction log into one profile per customer and write them as CSV:",
                "frequency, monetary, average ticket, recency and tenure in days, active months, items, spend and share "
                        + "per category, group attributes. Every excluded row is counted by reason."})
class ProfilesCommand implements Runnable {

    @Inject
    TransactionsUseCases transactions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "FILE.csv", description = "the transaction log")
    Path log;

    @Option(names = "--stored-transactions", description = "the transactions loaded with 'segments ingest'")
    boolean stored;

    @Option(names = "--out", required = true, paramLabel = "PROFILES.csv", description = "where to write the profiles")
    Path out;

    @CommandLine.Mixin
    LogLayoutOptions layout = new LogLayoutOptions();

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator of the log: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public void run() {
        if ((log == null) == !stored) {
            throw new SegmentsException("give exactly one of --transactions FILE or --stored-transactions");
        }
        DataInput input = stored ? DataInput.storedTransactions(null)
                : DataInput.transactions(log, delimiter, null).withLayout(layout.layout());
        long started = System.nanoTime();
        TransactionsUseCases.ProfilesReport report = transactions.writeProfiles(input, out);
        double seconds = (System.nanoTime() - started) / 1e9;
        TransactionProfiles.Summary summary = report.summary();
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("source", summary.source());
            result.put("rowsRead", summary.rowsRead());
            result.put("accepted", summary.accepted());
            result.put("excluded", summary.excluded());
            result.put("customers", summary.customers());
            result.put("firstDate", summary.firstDate().toString());
            result.put("lastDate", summary.lastDate().toString());
            result.put("notes", summary.notes());
            result.put("columns", report.columns());
            result.put("out", report.out().toString());
            result.put("seconds", seconds);
            result.put("transactionsPerSecond", summary.rowsRead() / Math.max(seconds, 1e-9));
            writer.println(Json.write(result));
        } else {
            summary.lines().forEach(writer::println);
            writer.printf("Wrote %s profiles (%d columns) to %s in %.1f s (%s transactions/s)%n",
                    Numbers.count(summary.customers()), report.columns(), report.out(), seconds,
                    Numbers.count((long) (summary.rowsRead() / Math.max(seconds, 1e-9))));
        }
        writer.flush();
    }
}
