package com.segments.adapters.cli;

import com.segments.application.AlgorithmCatalog;
import com.segments.application.CompareAlgorithms;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.metric.GapStatistic;
import com.segments.domain.metric.KRange;
import com.segments.domain.metric.SelectionRule;
import com.segments.domain.metric.Silhouette;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare algorithms and parameters on one data set by quality and stability, and recommend one.",
                "Every configuration sees the same preprocessed data, seed and bootstrap samples. Without --k, plugins "
                        + "that take k are tried from 2 up to one segment per 100 customers (at least 10, at most 25).",
                "A configuration with a segment that does not hold together under resampling (Jaccard below 0.6) or "
                        + "with more than half the customers as noise is never recommended. Ctrl-C cancels."})
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

    @Option(names = "--k", paramLabel = "FROM..TO",
            description = "k values for the plugins that take k (default: 2 up to one segment per 100 customers, "
                    + "between 10 and 25)")
    String kRange;

    @Option(names = "--select", paramLabel = "RULE", defaultValue = "default",
            description = "how to choose, always among segmentations whose segments hold together under resampling: "
                    + "default (the clearest separation, best silhouette), fewest (fewest segments within one standard "
                    + "error of the best silhouette), stability (most reproducible), gap (gap statistic, 1-SE rule) "
                    + "(default: ${DEFAULT-VALUE})")
    String select;

    @Option(names = "--min-cluster-sizes", paramLabel = "N,M", split = ",", defaultValue = "25,50,100",
            description = "HDBSCAN minimum cluster sizes (default: ${DEFAULT-VALUE})")
    List<Integer> minClusterSizes;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "30",
            description = "bootstrap refits per configuration for stability, 0 to skip (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--stability-rows", paramLabel = "M", defaultValue = "3000",
            description = "rows per bootstrap sample and per gap reference draw at most (default: ${DEFAULT-VALUE})")
    int stabilityRows;

    @Option(names = "--gap-draws", paramLabel = "B", defaultValue = "10",
            description = "uniform reference draws for the gap statistic, 0 to skip (default: ${DEFAULT-VALUE})")
    int gapDraws;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--report", paramLabel = "FILE.html", description = "also write a self-contained HTML report")
    Path report;

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Override
    public void run() {
        List<CompareAlgorithms.Candidate> candidates = candidates();
        Optional<KRange> range = kRange == null ? Optional.empty() : Optional.of(parseRange(kRange));
        SelectionRule.Goal goal = goal();
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
                    source.input(), candidates, range, new CompareAlgorithms.Effort(bootstrap,
                    stabilityRows, gapDraws, Silhouette.DEFAULT_MAX_ROWS), goal, seed), progress, cancelled::get);
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

    private SelectionRule.Goal goal() {
        try {
            return SelectionRule.Goal.named(select);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--select: " + e.getMessage());
        }
    }

    private void writeReport(CompareAlgorithms.Comparison comparison) {
        Reports.write(report, HtmlReport.of(comparison));
    }

    /** One candidate per plugin, except HDBSCAN's sizes; plugins that take k are tried over the range. */
    private List<CompareAlgorithms.Candidate> candidates() {
        List<CompareAlgorithms.Candidate> candidates = new ArrayList<>();
        for (String id : algorithms) {
            AlgorithmDescriptor descriptor = catalog.require(id.strip()).descriptor();
            boolean takesMinClusterSize = descriptor.parameters().stream().anyMatch(p -> p.name().equals("minClusterSize"));
            boolean takesK = descriptor.parameters().stream().anyMatch(p -> p.name().equals("k"));
            if (!takesK && takesMinClusterSize) {
                for (int size : minClusterSizes) {
                    candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of("minClusterSize", size)));
                }
            } else {
                candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of()));
            }
        }
        return candidates;
    }

    private KRange parseRange(String range) {
        String[] parts = range.strip().split("\\.\\.");
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (parts.length > 2 || from < 2 || to < from) {
                throw new NumberFormatException();
            }
            return new KRange(from, to);
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
            json.put("bootstrap", c.effort().bootstrap());
            json.put("stabilityRows", c.effort().stabilityRows());
            json.put("gapDraws", c.effort().gapDraws());
            json.put("seed", c.seed());
            json.put("seconds", c.elapsed().toMillis() / 1000.0);
            SelectionRule.Decision decision = c.recommendation().decision();
            List<Map<String, Object>> configurations = new ArrayList<>();
            for (CompareAlgorithms.Outcome o : c.outcomes()) {
                configurations.add(configuration(o, c.recommendation()));
            }
            json.put("configurations", configurations);
            json.put("recommendation", RecommendationJson.of(c.recommendation()));
            return json;
        }

        private static Map<String, Object> configuration(CompareAlgorithms.Outcome o, CompareAlgorithms.Recommendation r) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("algorithm", o.algorithm());
            row.put("parameters", o.parameters() == null ? o.candidate().parameters() : o.parameters().values());
            row.put("label", o.shortLabel());
            row.put("recommended", r.chosen().map(chosen -> chosen == o).orElse(false));
            row.put("excludedBecause", r.decision().excluded().stream().filter(e -> e.label().equals(o.shortLabel()))
                    .map(SelectionRule.Exclusion::reason).findFirst().orElse(null));
            if (o.failed()) {
                row.put("error", o.error());
                return row;
            }
            row.put("segments", o.quality().segments());
            row.put("noiseFraction", o.quality().noiseFraction());
            row.put("silhouette", TrainCommand.nullIfNaN(o.quality().silhouette()));
            row.put("silhouetteStandardError", TrainCommand.nullIfNaN(o.quality().silhouetteStandardError()));
            row.put("silhouetteRows", o.quality().silhouetteRows());
            row.put("daviesBouldin", TrainCommand.nullIfNaN(o.quality().daviesBouldin()));
            row.put("calinskiHarabasz", TrainCommand.nullIfNaN(o.quality().calinskiHarabasz()));
            row.put("inertia", o.inertia());
            if (o.stability() != null) {
                row.put("stabilityJaccard", o.stability().jaccard());
                row.put("meanStability", TrainCommand.nullIfNaN(o.meanStability()));
                row.put("minStability", TrainCommand.nullIfNaN(o.evidence().minJaccard()));
                row.put("meanAriBetweenRefits", TrainCommand.nullIfNaN(o.stability().meanAri()));
                row.put("dissolvedSegments", o.stability().dissolved());
            }
            row.put("predictAgreement", TrainCommand.nullIfNaN(o.predictAgreement()));
            row.put("fitSeconds", o.fitTime().toMillis() / 1000.0);
            row.put("diagnostics", o.diagnostics());
            return row;
        }
    }

    /** The recommendation as plain data: shared by compare --json and train --json. */
    static final class RecommendationJson {
        private RecommendationJson() {
        }

        static Map<String, Object> of(CompareAlgorithms.Recommendation r) {
            Map<String, Object> json = decision(r.decision());
            json.put("parameters", r.chosen().map(o -> (Object) o.parameters().values()).orElse(null));
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("from", r.range().from());
            range.put("to", r.range().to());
            range.put("sizedToData", r.rangeSized());
            json.put("range", range);
            json.put("suggestedRange", r.widerRange().map(KRange::toString).orElse(null));
            json.put("signalsFrom", r.signalAlgorithm().isEmpty() ? null : r.signalAlgorithm());
            json.put("elbowK", r.elbowK().isPresent() ? r.elbowK().getAsInt() : null);
            json.put("gap", r.gap().map(RecommendationJson::gap).orElse(null));
            return json;
        }

        static Map<String, Object> decision(SelectionRule.Decision d) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rule", d.goal().id());
            json.put("algorithm", d.chosen().map(SelectionRule.Evidence::algorithm).orElse(null));
            json.put("configuration", d.chosen().map(SelectionRule.Evidence::label).orElse(null));
            json.put("k", d.chosen().flatMap(e -> e.k().isPresent() ? Optional.of(e.k().getAsInt()) : Optional.empty()).orElse(null));
            json.put("why", d.why());
            json.put("criteria", d.preferences().stream().map(p -> {
                Map<String, Object> criterion = new LinkedHashMap<>();
                criterion.put("criterion", p.criterion());
                criterion.put("prefersK", p.k().isPresent() ? p.k().getAsInt() : null);
                criterion.put("prefers", p.prefers().orElse(null));
                criterion.put("rewards", p.meaning());
                return criterion;
            }).toList());
            Map<String, Object> agreement = new LinkedHashMap<>();
            agreement.put("k", d.agreeingK().k().isPresent() ? d.agreeingK().k().getAsInt() : null);
            agreement.put("agreeing", d.agreeingK().agreeing());
            agreement.put("stating", d.agreeingK().stating());
            agreement.put("unanimous", d.agreeingK().unanimous());
            json.put("agreement", agreement);
            json.put("atRangeEnd", d.atRangeEnd());
            json.put("excluded", d.excluded().stream().map(e -> Map.of("configuration", e.label(), "reason", e.reason())).toList());
            json.put("notes", d.notes());
            return json;
        }

        private static Map<String, Object> gap(GapStatistic.Result g) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("k", g.ks());
            json.put("gap", g.gap());
            json.put("standardError", g.standardError());
            json.put("chosenK", g.chosen().isPresent() ? g.chosen().getAsInt() : null);
            json.put("referenceDraws", g.draws());
            json.put("reference", "uniform over the bounding box of the preprocessed data");
            return json;
        }
    }

    /** The comparison as a table, the recommendation and every criterion's preference, for a terminal. */
    static final class ComparisonText {
        private ComparisonText() {
        }

        static String of(CompareAlgorithms.Comparison c) {
            StringBuilder out = new StringBuilder();
            CompareAlgorithms.Recommendation r = c.recommendation();
            out.append(String.format(Locale.ROOT, "Compared %d configurations on %s (%s customers, %d features) in %.0f s; "
                            + "stability from %d bootstrap refits of up to %s rows each, seed %d%n%s%n%n",
                    c.outcomes().size(), c.inference().source(), Numbers.count(c.rows()), c.features().size(),
                    c.elapsed().toMillis() / 1000.0, c.effort().bootstrap(), Numbers.count(c.effort().stabilityRows()),
                    c.seed(), rangeSentence(r)));
            TextTable table = TextTable.numeric(1).row("configuration", "segments", "noise", "silhouette",
                    "Davies-B.", "Calinski-H.", "stability", "weakest", "agreement", "fit s", "verdict");
            for (CompareAlgorithms.Outcome o : c.outcomes()) {
                String verdict = verdict(o, r);
                if (o.failed()) {
                    table.row(o.shortLabel(), "failed", "", "", "", "", "", "", "", "", verdict);
                    continue;
                }
                table.row(o.shortLabel(), Integer.toString(o.quality().segments()),
                        Numbers.percent(o.quality().noiseFraction()), Numbers.metric(o.quality().silhouette()),
                        Numbers.metric(o.quality().daviesBouldin()), Numbers.value(o.quality().calinskiHarabasz()),
                        o.stability() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.meanStability()),
                        o.stability() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.evidence().minJaccard()),
                        Numbers.agreement(o.predictAgreement()),
                        String.format(Locale.ROOT, "%.2f", o.fitTime().toMillis() / 1000.0), verdict);
            }
            out.append(table.render()).append('\n');
            out.append(decisionText(r.decision(), r.widerRange()));
            return out.toString();
        }

        static String rangeSentence(CompareAlgorithms.Recommendation r) {
            return r.rangeSized() ? "k searched: " + r.range() + " (sized to the data: up to one segment per "
                    + KRange.CUSTOMERS_PER_SEGMENT + " customers, at least " + KRange.MIN_TO + ", at most " + KRange.MAX_TO
                    + "; --k changes it)" : "k searched: " + r.range() + " (--k)";
        }

        private static String verdict(CompareAlgorithms.Outcome o, CompareAlgorithms.Recommendation r) {
            if (r.chosen().map(chosen -> chosen == o).orElse(false)) {
                return "RECOMMENDED";
            }
            return r.decision().excluded().stream().anyMatch(e -> e.label().equals(o.shortLabel())) ? "excluded" : "";
        }

        /** The decision in sentences: shared by compare and train. */
        static String decisionText(SelectionRule.Decision d, Optional<KRange> wider) {
            StringBuilder out = new StringBuilder();
            out.append("Recommendation (rule '").append(d.goal().id()).append("'): ")
                    .append(d.chosen().map(SelectionRule.Evidence::label).orElse("none")).append('\n');
            out.append("  ").append(d.why()).append('\n');
            wider.ifPresent(w -> out.append("  The chosen k is the largest searched: there may be more segments than the "
                    + "range covers; try --k ").append(w).append(".\n"));
            out.append("\nWhat each criterion prefers:\n");
            TextTable criteria = TextTable.text().row("criterion", "prefers", "rewards");
            d.preferences().forEach(p -> criteria.row(p.criterion(), p.prefers().orElse(p.k().isPresent()
                    ? "k=" + p.k().getAsInt() : "no preference"), p.meaning()));
            out.append(criteria.render());
            out.append("  ").append(agreement(d.agreeingK())).append('\n');
            if (!d.excluded().isEmpty()) {
                out.append("\nNot recommended:\n");
                d.excluded().forEach(e -> out.append("  - ").append(e.label()).append(": ").append(e.reason()).append('\n'));
            }
            d.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
            return out.toString();
        }

        static String agreement(SelectionRule.Agreement a) {
            if (a.k().isEmpty()) {
                return "No criterion states a k.";
            }
            return a.unanimous() ? "All " + a.stating() + " criteria that state a k prefer k = " + a.k().getAsInt() + "."
                    : "Of the " + a.stating() + " criteria that point to a k, " + a.agreeing() + " prefer k = "
                    + a.k().getAsInt() + "; the others disagree (see above).";
        }
    }
}
