package com.segments.application;

import com.segments.application.sample.SyntheticCustomers;
import com.segments.domain.table.RecordFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Writes a synthetic customer file with known latent segments, and optionally their true labels beside it. */
public final class GenerateCustomers {

    /**
     * @param customers rows to write, at least 1
     * @param out       the customer CSV
     * @param truth     where to write {@code customer_id,true_segment,segment_name}, or {@code null}
     * @param seed      the same seed writes the same file
     */
    public record Command(int customers, Path out, Path truth, long seed) {
        public Command {
            Objects.requireNonNull(out, "out");
            if (customers < 1) {
                throw new IllegalArgumentException("--customers must be at least 1, got " + customers);
            }
        }
    }

    /** @param counts customers written per latent pattern, in {@link SyntheticCustomers#PATTERNS} order */
    public record Report(int customers, long[] counts, Path out, Path truth) {
    }

    private final RecordFiles files;

    public GenerateCustomers(RecordFiles files) {
        this.files = files;
    }

    public Report generate(Command command) {
        SyntheticCustomers generator = new SyntheticCustomers(command.seed());
        long[] counts = new long[SyntheticCustomers.PATTERNS.size()];
        try (RecordFiles.RecordSink data = files.create(command.out());
             RecordFiles.RecordSink truth = command.truth() == null ? null : files.create(command.truth())) {
            List<String> header = new ArrayList<>();
            header.add("customer_id");
            header.addAll(SyntheticCustomers.FEATURES);
            data.write(header);
            if (truth != null) {
                truth.write(new String[] {"customer_id", "true_segment", "segment_name"});
            }
            String[] row = new String[header.size()];
            for (int i = 0; i < command.customers(); i++) {
                SyntheticCustomers.Customer customer = generator.next();
                counts[customer.pattern()]++;
                row[0] = customer.id();
                for (int j = 0; j < customer.values().length; j++) {
                    double v = customer.values()[j];
                    row[j + 1] = Double.isNaN(v) ? "" : format(v);
                }
                data.write(row);
                if (truth != null) {
                    truth.write(new String[] {customer.id(), Integer.toString(customer.pattern()),
                            SyntheticCustomers.PATTERNS.get(customer.pattern()).name()});
                }
            }
            data.commit();
            if (truth != null) {
                truth.commit();
            }
        }
        return new Report(command.customers(), counts, command.out(), command.truth());
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v)
                .replaceAll("0+$", "");
    }
}
