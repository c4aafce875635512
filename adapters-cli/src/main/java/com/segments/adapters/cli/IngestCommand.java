package com.segments.adapters.cli;

import com.segments.application.ActiveModel;
import com.segments.application.RecordTransactions;
import com.segments.application.TransactionsUseCases;
import com.segments.domain.table.DataSourceException;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load a transaction log into the fact_transactions table, in one database transaction.",
                "Every line is stored as read; the profile rules (refunds, duplicates, ...) apply when profiles are built. "
                        + "'segments score --stored-transactions' then fills customer_segment.",
                "With --follow, record transactions one at a time as they arrive (a CSV file or '-' for standard input, "
                        + "header " + "transaction_id,customer_id,date,amount[,items,category,invoice,bank,location]): "
                        + "each updates its customer's profile and segment at once and is answered on its own line. "
                        + "With --tail, a file is followed as tail -f follows it: lines appended later are recorded too."})
class IngestCommand implements Runnable {

    static final long REFRESH_SECONDS = 2;

    @Inject
    TransactionsUseCases transactions;

    @Inject
    RecordTransactions record;

    @Inject
    ActiveModel activeModel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "FILE.csv", description = "the transaction log")
    Path log;

    @Option(names = "--follow", paramLabel = "FILE|-", description = "record transactions as they arrive, from a CSV "
            + "file or '-' (standard input); a retried transaction id counts once")
    String follow;

    @Option(names = "--tail", description = "with --follow FILE: at the end of the file, wait for more lines (as tail -f) "
            + "until --idle-stop or Ctrl-C")
    boolean tail;

    @Option(names = "--idle-stop", paramLabel = "SECONDS", description = "with --tail: stop after this many seconds "
            + "without a new line (default: never)")
    Integer idleStop;

    @Option(names = "--json", description = "with --follow: one JSON object per recorded transaction")
    boolean json;

    @CommandLine.Mixin
    LogLayoutOptions layout = new LogLayoutOptions();

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Override
    public void run() {
        if ((log == null) == (follow == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --transactions FILE.csv or --follow FILE|-");
        }
        if ((tail || idleStop != null) && (follow == null || follow.equals("-"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tail and --idle-stop follow a file: give "
                    + "--follow FILE (standard input already waits for more lines)");
        }
        if (idleStop != null && (idleStop < 1 || !tail)) {
            throw new CommandLine.ParameterException(spec.commandLine(), idleStop < 1
                    ? "--idle-stop must be at least 1 second, got " + idleStop : "--idle-stop needs --tail");
        }
        if (follow != null) {
            follow();
            return;
        }
        long started = System.nanoTime();
        TransactionsUseCases.IngestReport report = transactions.ingest(log, delimiter, layout.layout());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Stored %s transactions of %s in fact_transactions in %.1f s%s%n", Numbers.count(report.stored()),
                report.source(), (System.nanoTime() - started) / 1e9,
                report.groups().isEmpty() ? "" : " (group attributes: " + String.join(", ", report.groups()) + ")");
        out.flush();
    }

    private void follow() {
        PrintWriter out = spec.commandLine().getOut();
        char separator = delimiter == null ? ',' : delimiter;
        long[] changed = {0};
        long recorded;
        long started = System.nanoTime();
        ScheduledExecutorService refresh = tail ? refreshingActiveModel() : null;
        try (InputStream in = open()) {
            recorded = record.follow(in, follow.equals("-") ? "stdin" : follow, separator, answer -> {
                changed[0] += answer.changed() ? 1 : 0;
                out.println(json ? Json.line(toJson(answer)) : line(answer));
                out.flush();
            });
        } catch (NoSuchFileException e) {
            throw new DataSourceException(follow + ": no such file");
        } catch (IOException e) {
            throw new DataSourceException(follow + ": cannot be read: " + e.getMessage());
        } finally {
            if (refresh != null) {
                refresh.shutdownNow();
            }
        }
        if (!json) {
            out.printf("Recorded %s transactions in %.1f s; %s segment changes%n", Numbers.count(recorded),
                    (System.nanoTime() - started) / 1e9, Numbers.count(changed[0]));
        }
        out.flush();
    }

    /**
     * While a file is tailed, re-reads which version is active every {@value #REFRESH_SECONDS} s, as the server does,
     * so an activation made by another process is used for the lines that follow it.
     */
    private ScheduledExecutorService refreshingActiveModel() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "active-model-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(activeModel::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        return executor;
    }

    private InputStream open() throws IOException {
        if (follow.equals("-")) {
            return System.in;
        }
        Path file = Path.of(follow);
        if (!tail) {
            return Files.newInputStream(file);
        }
        return new TailingInputStream(file, idleStop == null ? Duration.ZERO : Duration.ofSeconds(idleStop));
    }

    static java.util.Map<String, Object> toJson(RecordTransactions.Answer a) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("transactionId", a.transactionId());
        json.put("customerId", a.customer());
        json.put("duplicate", a.duplicate());
        json.put("excluded", a.excluded());
        json.put("segment", a.segment());
        json.put("segmentName", a.name());
        json.put("offers", a.offers());
        json.put("modelVersion", a.version());
        json.put("changed", a.changed());
        json.put("previousSegment", a.previous());
        json.put("previousSegmentName", a.previousName());
        json.put("asOf", a.asOf() == null ? null : a.asOf().toString());
        return json;
    }

    private static String line(RecordTransactions.Answer a) {
        StringBuilder line = new StringBuilder(a.transactionId()).append(' ').append(a.customer()).append(": ");
        if (a.duplicate()) {
            line.append("already recorded; ");
        } else if (a.excluded() != null) {
            line.append("not counted (").append(a.excluded()).append("); ");
        }
        if (a.segment() == null) {
            return line.append("no segment yet").toString();
        }
        line.append("segment ").append(a.segment()).append(a.name() == null ? "" : " " + a.name())
                .append(" (version ").append(a.version()).append(", as of ").append(a.asOf()).append(')');
        if (a.changed()) {
            line.append(a.previous() == null ? ", first segment" : ", moved from " + a.previous()
                    + (a.previousName() == null ? "" : " " + a.previousName()));
        }
        return line.toString();
    }
}
