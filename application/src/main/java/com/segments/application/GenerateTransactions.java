package com.segments.application;

import com.segments.application.sample.SyntheticTransactions;
import com.segments.domain.table.RecordFiles;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a synthetic transaction log ({@code customer_id,date,amount,category,location,bank}) of customers from
 * known lifestyle segments, and optionally each customer's true segment and bank beside it.
 */
public final class GenerateTransactions {

    /**
     * @param transactions lines to write
     * @param customers    distinct customers (default: one per 50 transactions)
     * @param out          the log
     * @param truth        where to write {@code customer_id,true_segment,segment_name,bank}, or null
     */
    public record Command(long transactions, int customers, Path out, Path truth, long seed) {
        public Command {
            Objects.requireNonNull(out, "out");
            if (transactions < 1) {
                throw new IllegalArgumentException("--transactions must be at least 1, got " + transactions);
            }
            if (customers < 1) {
                throw new IllegalArgumentException("--customers must be at least 1, got " + customers);
            }
        }
    }

    public record Report(long transactions, int customers, long[] perLifestyle, Path out, Path truth) {
    }

    private final RecordFiles files;

    public GenerateTransactions(RecordFiles files) {
        this.files = files;
    }

    public Report generate(Command command) {
        SyntheticTransactions generator = new SyntheticTransactions(command.customers(), command.transactions(), command.seed());
        long[] perLifestyle = new long[SyntheticTransactions.LIFESTYLES.size()];
        try (RecordFiles.RecordSink data = files.create(command.out())) {
            data.write(new String[] {"customer_id", "date", "amount", "category", "location", "bank"});
            String[] row = new String[6];
            while (generator.hasNext()) {
                SyntheticTransactions.Line line = generator.next();
                row[0] = line.customer() == null ? "" : line.customer();
                row[1] = line.date().toString();
                row[2] = String.format(Locale.ROOT, "%.2f", line.amount());
                row[3] = line.category();
                row[4] = line.city();
                row[5] = line.bank();
                data.write(row);
            }
            data.commit();
        }
        SyntheticTransactions.Customer[] customers = generator.customers();
        for (SyntheticTransactions.Customer c : customers) {
            perLifestyle[c.lifestyle()]++;
        }
        if (command.truth() != null) {
            try (RecordFiles.RecordSink truth = files.create(command.truth())) {
                truth.write(new String[] {"customer_id", "true_segment", "segment_name", "bank"});
                for (SyntheticTransactions.Customer c : customers) {
                    truth.write(new String[] {c.id(), Integer.toString(c.lifestyle()),
                            SyntheticTransactions.LIFESTYLES.get(c.lifestyle()).name(), SyntheticTransactions.BANKS.get(c.bank())});
                }
                truth.commit();
            }
        }
        return new Report(command.transactions(), customers.length, perLifestyle, command.out(), command.truth());
    }
}
