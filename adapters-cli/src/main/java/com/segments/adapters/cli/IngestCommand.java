package com.segments.adapters.cli;

import com.segments.application.TransactionsUseCases;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load a transaction log into the fact_transactions table, in one database transaction.",
                "Every line is stored as read; the profile rules (refunds, duplicates, ...) apply when profiles are built. "
                        + "'segments score --stored-transactions' then fills customer_segment."})
class IngestCommand implements Runnable {

    @Inject
    TransactionsUseCases transactions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE.csv", description = "the transaction log")
    Path log;

    @CommandLine.Mixin
    LogLayoutOptions layout = new LogLayoutOptions();

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Override
    public void run() {
        long started = System.nanoTime();
        TransactionsUseCases.IngestReport report = transactions.ingest(log, delimiter, layout.layout());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Stored %s transactions of %s in fact_transactions in %.1f s%s%n", Numbers.count(report.stored()),
                report.source(), (System.nanoTime() - started) / 1e9,
                report.groups().isEmpty() ? "" : " (group attributes: " + String.join(", ", report.groups()) + ")");
        out.flush();
    }
}
