package com.segments.adapters.cli;

import com.segments.application.AlgorithmCatalog;
import com.segments.application.CompareAlgorithms;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare algorithms and parameters on one data set by quality and stability, and recommend one.",
                "Every configuration sees the same preprocessed data, seed and bootstrap samples. Ctrl-C cancels."})
class CompareCommand implements Runnable {

    @Inject
    CompareAlgorithms compareAlgorithms;

    @Inject
    AlgorithmCatalog catalog;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataOptions source = new DataOptions();

    @Option(names = "--algorithms", paramLabel = "A,B", split = ",", defaultValue = "kmeans,ward,hdbscan",
            description = "plugins to compare (default: ${DEFAULT-VALUE}; see 'segments algorithms')")
    List<String> algorithms;

    @Option(names = "--k", paramLabel = "FROM..TO", defaultValue = "2..10",
            description = "k values for the plugins that take k (default: ${DEFAULT-VALUE})")
    String kRange;

    @Option(names = "--min-cluster-sizes", paramLabel = "N,M", split = ",", defaultValue = "25,50,100",
            description = "HDBSCAN minimum cluster sizes (default: ${DEFAULT-VALUE})")
    List<Integer> minClusterSizes;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "30",
            description = "bootstrap refits per configuration for stability, 0 to skip (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--stability-rows", paramLabel = "M", defaultValue = "3000",
            description = "rows per bootstrap sample at most (default: ${DEFAULT-VALUE})")
    int stabilityRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--report", paramLabel = "FILE.html", description = "also write a self-contained HTML report")
    Path report;

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Override
    public void run() {
        List<CompareAlgorithms.Candidate> candidates = candidates();
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "compare-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, System.console() != null);
        try {
            CompareAlgorithms.Comparison comparison = compareAlgorithms.compare(new CompareAlgorithms.Command(
                    source.input(), candidates, bootstrap, stabilityRows, seed), progress, cancelled::get);
            progress.clear();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(ComparisonJson.of(comparison)) + "\n" : ComparisonText.of(comparison));
            if (report != null) {
                writeReport(comparison);
                if (!json) {
                    out.println("Report written to " + report.toAbsolutePath());
                }
            }
            out.flush();
        } catch (CompareAlgorithms.Cancelled e) {
            progress.clear();
            throw e;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running and has been released above
            }
        }
    }

    private void writeReport(CompareAlgorithms.Comparison comparison) {
        try {
            Path target = report.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, HtmlReport.of(comparison), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SegmentsException(report + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private List<CompareAlgorithms.Candidate> candidates() {
        int[] ks = parseRange(kRange);
        List<CompareAlgorithms.Candidate> candidates = new ArrayList<>();
        for (String id : algorithms) {
            AlgorithmDescriptor descriptor = catalog.require(id.strip()).descriptor();
            boolean takesK = descriptor.parameters().stream().anyMatch(p -> p.name().equals("k"));
            boolean takesMinClusterSize = descriptor.parameters().stream().anyMatch(p -> p.name().equals("minClusterSize"));
            if (takesK) {
                for (int k = ks[0]; k <= ks[1]; k++) {
                    candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of("k", k)));
                }
            } else if (takesMinClusterSize) {
                for (int size : minClusterSizes) {
                    candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of("minClusterSize", size)));
                }
            } else {
                candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of()));
            }
        }
        return candidates;
    }

    private int[] parseRange(String range) {
        String[] parts = range.strip().split("\\.\\.");
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (parts.length > 2 || from < 2 || to < from) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--k takes FROM..TO with 2 <= FROM <= TO (or one k), got '" + range + "'");
        }
    }

    /** A one-line progress bar on the terminal's stderr; silent when stderr is not a terminal. */
    static final class ProgressBar implements CompareAlgorithms.Listener {
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();

        ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void progress(int done, int total, String working) {
            if (!enabled) {
                return;
            }
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d %5.0fs %-40.40s", "#".repeat(filled), " ".repeat(width - filled), done,
                    total, (System.nanoTime() - started) / 1e9, working);
            err.flush();
        }

        void clear() {
            if (enabled) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }

    /** The comparison as plain data for --json. */
    static final class ComparisonJson {
        private ComparisonJson() {
        }

        static Map<String, Object> of(CompareAlgorithms.Comparison c) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", c.inference().source());
            json.put("rows", c.rows());
            json.put("features", c.features());
            json.put("bootstrap", c.bootstrap());
            json.put("stabilityRows", c.stabilityRows());
            json.put("seed", c.seed());
            json.put("seconds", c.elapsed().toMillis() / 1000.0);
            List<Map<String, Object>> ranked = new ArrayList<>();
            int rank = 1;
            for (CompareAlgorithms.Outcome o : c.ranked()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rank", rank++);
                row.put("algorithm", o.algorithm());
                row.put("parameters", o.parameters() == null ? o.candidate().parameters() : o.parameters().values());
                if (o.failed()) {
                    row.put("error", o.error());
                } else {
                    row.put("segments", o.quality().segments());
                    row.put("noiseFraction", o.quality().noiseFraction());
                    row.put("silhouette", TrainCommand.nullIfNaN(o.quality().silhouette()));
                    row.put("silhouetteRows", o.quality().silhouetteRows());
                    row.put("daviesBouldin", TrainCommand.nullIfNaN(o.quality().daviesBouldin()));
                    row.put("calinskiHarabasz", TrainCommand.nullIfNaN(o.quality().calinskiHarabasz()));
                    row.put("inertia", o.inertia());
                    if (o.stability() != null) {
                        row.put("stabilityJaccard", o.stability().jaccard());
                        row.put("meanStability", TrainCommand.nullIfNaN(o.meanStability()));
                        row.put("meanAriBetweenRefits", TrainCommand.nullIfNaN(o.stability().meanAri()));
                        row.put("dissolvedSegments", o.stability().dissolved());
                    }
                    row.put("fitSeconds", o.fitTime().toMillis() / 1000.0);
                    row.put("diagnostics", o.diagnostics());
                }
                ranked.add(row);
            }
            json.put("ranked", ranked);
            Map<String, Object> recommendation = new LinkedHashMap<>();
            recommendation.put("algorithm", c.recommendation().chosen().map(CompareAlgorithms.Outcome::algorithm).orElse(null));
            recommendation.put("parameters", c.recommendation().chosen().map(o -> o.parameters().values()).orElse(null));
            recommendation.put("elbowK", c.recommendation().elbowK().orElse(null));
            recommendation.put("reasons", c.recommendation().reasons());
            json.put("recommendation", recommendation);
            return json;
        }
    }

    /** The comparison as a ranked table and the recommendation, for a terminal. */
    static final class ComparisonText {
        private ComparisonText() {
        }

        static String of(CompareAlgorithms.Comparison c) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Compared %d configurations on %s (%s customers, %d features) in %.0f s; "
                            + "stability from %d bootstrap refits of up to %s rows each, seed %d%n%n",
                    c.ranked().size(), c.inference().source(), Numbers.count(c.rows()), c.features().size(),
                    c.elapsed().toMillis() / 1000.0, c.bootstrap(), Numbers.count(c.stabilityRows()), c.seed()));
            TextTable table = TextTable.numeric(2).row("rank", "configuration", "segments", "noise", "silhouette",
                    "Davies-B.", "Calinski-H.", "stability", "dissolved", "fit s");
            int rank = 1;
            for (CompareAlgorithms.Outcome o : c.ranked()) {
                if (o.failed()) {
                    table.row(Integer.toString(rank++), o.shortLabel(), "failed", "", "", "", "", "", "", "");
                    continue;
                }
                table.row(Integer.toString(rank++), o.shortLabel(), Integer.toString(o.quality().segments()),
                        Numbers.percent(o.quality().noiseFraction()), Numbers.metric(o.quality().silhouette()),
                        Numbers.metric(o.quality().daviesBouldin()), Numbers.value(o.quality().calinskiHarabasz()),
                        o.stability() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.meanStability()),
                        o.stability() == null ? "-" : Long.toString(o.stability().dissolved()),
                        String.format(Locale.ROOT, "%.2f", o.fitTime().toMillis() / 1000.0));
            }
            out.append(table.render());
            out.append('\n').append("Recommendation: ")
                    .append(c.recommendation().chosen().map(CompareAlgorithms.Outcome::shortLabel).orElse("none")).append('\n');
            for (String reason : c.recommendation().reasons()) {
                out.append("  - ").append(reason).append('\n');
            }
            return out.toString();
        }
    }
}
