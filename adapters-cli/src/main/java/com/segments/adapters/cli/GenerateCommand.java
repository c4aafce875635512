package com.segments.adapters.cli;

import com.segments.application.GenerateCustomers;
import com.segments.application.GenerateTransactions;
import com.segments.application.sample.SyntheticTransactions;
import com.segments.application.sample.SyntheticCustomers;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic credit-card customer file with known latent segments,",
                "or with --transactions N a transaction log of lifestyle segments (The Diner, The Commuter, The Shopper, "
                        + "The Home Keeper, The Bill Payer) at three banks with different segment mixes."})
class GenerateCommand implements Runnable {

    @Inject
    GenerateCustomers generateCustomers;

    @Inject
    GenerateTransactions generateTransactions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N",
            description = "how many customers (required for a customer file; default for a log: one per 50 transactions)")
    Integer customers;

    @Option(names = "--transactions", paramLabel = "N", description = "write a transaction log of N lines instead")
    Long transactions;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write them")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE.csv", description = "also write each customer's true segment here")
    Path truth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        if (transactions != null) {
            generateLog();
            return;
        }
        if (customers == null) {
            throw new com.segments.domain.SegmentsException("give --customers N (or --transactions N for a transaction log)");
        }
        GenerateCustomers.Report report = generateCustomers
                .generate(new GenerateCustomers.Command(customers, out, truth, seed));
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("Wrote %s customers to %s%n", Numbers.count(report.customers()), report.out());
        for (int p = 0; p < report.counts().length; p++) {
            writer.printf("  %-20s %s%n", SyntheticCustomers.PATTERNS.get(p).name(), Numbers.count(report.counts()[p]));
        }
        if (report.truth() != null) {
            writer.printf("True segments in %s%n", report.truth());
        }
        writer.flush();
    }

    private void generateLog() {
        int count = customers != null ? customers : (int) Math.max(1, Math.min(Integer.MAX_VALUE, transactions / 50));
        GenerateTransactions.Report report = generateTransactions
                .generate(new GenerateTransactions.Command(transactions, count, out, truth, seed));
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("Wrote %s transactions of %s customers to %s%n", Numbers.count(report.transactions()),
                Numbers.count(report.customers()), report.out());
        for (int p = 0; p < report.perLifestyle().length; p++) {
            writer.printf("  %-20s %s customers%n", SyntheticTransactions.LIFESTYLES.get(p).name(),
                    Numbers.count(report.perLifestyle()[p]));
        }
        if (report.truth() != null) {
            writer.printf("True segments and banks in %s%n", report.truth());
        }
        writer.flush();
    }
}
