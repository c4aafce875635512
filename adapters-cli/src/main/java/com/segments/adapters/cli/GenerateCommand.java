package com.segments.adapters.cli;

import com.segments.application.GenerateCustomers;
import com.segments.application.sample.SyntheticCustomers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic credit-card customer file with known latent segments.",
                "Patterns: premium spenders, cash-advance heavy, installment buyers, low engagement."})
class GenerateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "N", description = "how many customers")
    int customers;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write them")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE.csv", description = "also write each customer's true segment here")
    Path truth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        GenerateCustomers.Report report = new GenerateCustomers()
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
}
