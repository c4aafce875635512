package com.segments.adapters.cli;

import com.segments.application.ChooseK;
import com.segments.application.AuditTrail;
import com.segments.application.DataInput;
import com.segments.application.TrainModel;
import com.segments.application.TrainOnEngine;
import com.segments.application.TrainingReport;
import com.segments.application.features.ColumnRole;
import com.segments.application.features.InferenceReport;
import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a segmentation on a customer table or a transaction log, store it as a new model version "
                + "and make it active.",
                "Columns are read as a feature spec (--features) declares, or inferred; the summary says what and why."})
class TrainCommand implements Runnable {

    @Inject
    TrainModel trainModel;

    @Inject
    AuditTrail audit;

    @Inject
    TrainOnEngine trainOnEngine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataOptions source = new DataOptions();

    @Option(names = "--k", paramLabel = "N", description = "number of segments (default: chosen from the data by the "
            + "rule of 'segments compare', on k-means over 2 up to one segment per 100 customers)")
    Integer k;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--restarts", paramLabel = "R", description = "k-means++ restarts, best inertia wins (default: 10)")
    Integer restarts;

    @Option(names = "--algorithm", paramLabel = "ID", defaultValue = TrainModel.Command.DEFAULT_ALGORITHM,
            description = "clustering plugin: kmeans, ward, complete-linkage, average-linkage, single-linkage, "
                    + "hdbscan, tribuo-hdbscan (default: ${DEFAULT-VALUE}; 'segments algorithms' lists them with their parameters)")
    String algorithm;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "any plugin parameter, e.g. minClusterSize=50")
    Map<String, Integer> extra = new HashMap<>();

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(names = "--engine", paramLabel = "ID", description = "train on a distributed engine instead of in this "
            + "process: spark (an optional module; see docs/spark.md). Takes --data FILE|DIR (CSV or Parquet), --data-uri "
            + "URI, or --table NAME with --jdbc-url; numeric features only; --k is required; --algorithm kmeans "
            + "(k-means||, the default) or bisecting-kmeans; --param maxIterations=N (default 100), sampleRows=N "
            + "(default 100000)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "with --engine spark: where Spark runs: local[*] "
            + "(the default), local[N], spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "with --engine and --table: the database the engine "
            + "reads the table from (credentials in the URL, e.g. jdbc:postgresql://host/db?user=u&password=p)")
    String jdbcUrl;

    @Option(names = "--assignments-out", paramLabel = "DIR", description = "with --engine: a new directory where the "
            + "engine writes every training row's id, segment and distance (CSV part files)")
    String assignmentsOut;

    @Override
    public void run() {
        if (engine != null) {
            runOnEngine();
            return;
        }
        if (master != null || jdbcUrl != null || assignmentsOut != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--master, --jdbc-url and --assignments-out go with --engine spark");
        }
        Map<String, Integer> parameters = new HashMap<>(extra);
        if (k != null) {
            parameters.put("k", k);
        }
        if (restarts != null) {
            parameters.put("restarts", restarts);
        }
        DataInput input = source.input();
        TrainingReport report = audit.audited(CliActor.name(), "train", target(input), CliActor.SOURCE,
                () -> trainModel.train(new TrainModel.Command(input, algorithm, parameters, seed, "cli")),
                r -> "version " + r.model().version() + (r.notPromoted().isPresent() ? " not activated" : " active"));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(toJson(report)) + "\n" : toText(report));
        out.flush();
    }

    private static String target(DataInput input) {
        return input.kind().name().toLowerCase(Locale.ROOT) + " " + (input.file() != null ? input.file()
                : input.table() != null ? input.table() : "");
    }

    private void runOnEngine() {
        DataOptions.Source from = source.source;
        String location;
        if (from.data != null) {
            location = from.data.toString();
        } else if (from.dataUri != null) {
            location = from.dataUri;
        } else if (from.table != null) {
            location = from.table;
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine trains on a customer table: --data, "
                    + "--data-uri or --table with --jdbc-url (aggregate a transaction log first: 'segments profiles')");
        }
        if ((from.table != null) != (jdbcUrl != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--table and --jdbc-url go together with --engine");
        }
        if (k == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine needs --k (choosing k runs many fits; "
                    + "choose it on a sample with 'segments compare')");
        }
        if (restarts != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--restarts is for the kmeans plugin; the engine "
                    + "seeds with k-means|| once");
        }
        Map<String, Integer> parameters = new HashMap<>(extra);
        int maxIterations = parameters.getOrDefault("maxIterations", com.segments.domain.engine.EngineRequest.DEFAULT_MAX_ITERATIONS);
        int sampleRows = parameters.getOrDefault("sampleRows", com.segments.domain.engine.EngineRequest.DEFAULT_SAMPLE_ROWS);
        parameters.keySet().removeAll(List.of("maxIterations", "sampleRows"));
        if (!parameters.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown engine parameter(s) " + parameters.keySet()
                    + "; the engine takes maxIterations and sampleRows");
        }
        TrainOnEngine.Command command = new TrainOnEngine.Command(engine, location, jdbcUrl, source.delimiter,
                source.features, master, algorithm, k, maxIterations, seed, sampleRows, assignmentsOut, "cli");
        TrainOnEngine.Report report = audit.audited(CliActor.name(), "train", engine + " " + location, CliActor.SOURCE,
                () -> trainOnEngine.train(command),
                r -> "version " + r.model().version() + (r.notPromoted().isPresent() ? " not activated" : " active"));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(engineJson(report)) + "\n" : engineText(report));
        out.flush();
    }

    private static String engineText(TrainOnEngine.Report report) {
        ModelVersion version = report.model();
        TrainedModel model = version.model();
        StringBuilder out = new StringBuilder();
        for (String note : report.notes()) {
            out.append("  ").append(note).append('\n');
        }
        out.append('\n').append(String.format(Locale.ROOT, "Trained %s (%s seed=%d) on %s in %.1f s: model version %d, %s%n",
                model.algorithm(), model.parameters().describe(), model.seed(),
                model.libraryVersions().getOrDefault("spark.master", "the engine"), report.fitTime().toMillis() / 1000.0,
                version.version(), report.notPromoted().map(reason -> "NOT activated (" + reason
                        + "; activate it by hand with 'segments models activate " + version.version() + "')").orElse("now active")));
        out.append(String.format(Locale.ROOT, "Silhouette %s (%s sampled rows), Davies-Bouldin %s, Calinski-Harabasz %s, "
                        + "inertia %s over %s rows%n", Numbers.metric(model.metrics().silhouette()),
                Numbers.count(model.metrics().silhouetteSampleSize()), Numbers.metric(model.metrics().daviesBouldin()),
                Numbers.value(model.metrics().calinskiHarabasz()), Numbers.value(model.metrics().inertia()),
                Numbers.count(model.fingerprint().rows())));
        out.append("Scoring a sample of ").append(Numbers.count(report.sampleRows())).append(" rows here gives back ")
                .append(Numbers.agreement(report.sampleAgreement())).append(" of the engine's own segments\n");
        if (model.lineage() != null) {
            out.append("Segment ids continue version ").append(model.lineage().fromVersion()).append(": ");
            out.append(String.join("; ", model.lineage().links().stream().map(TrainCommand::describe).toList())).append('\n');
        }
        out.append("\nSegments ('segments describe' shows their profiles):\n");
        for (var label : report.segments()) {
            Segment segment = model.segments().get(label.segment());
            out.append(String.format(Locale.ROOT, "  %d  %s (%s, %s): %s%n", label.segment(), label.name(),
                    Numbers.count(segment.size()), Numbers.percent(segment.share()), label.description()));
        }
        return out.toString();
    }

    private static Map<String, Object> engineJson(TrainOnEngine.Report report) {
        ModelVersion version = report.model();
        TrainedModel model = version.model();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version.version());
        json.put("active", report.activated());
        json.put("notPromoted", report.notPromoted().orElse(null));
        json.put("algorithm", model.algorithm());
        json.put("parameters", model.parameters().values());
        json.put("seed", model.seed());
        json.put("provenance", model.libraryVersions());
        json.put("source", model.fingerprint().source());
        json.put("rows", model.fingerprint().rows());
        json.put("features", model.schema().features());
        json.put("notes", report.notes());
        json.put("inertia", model.metrics().inertia());
        json.put("silhouette", nullIfNaN(model.metrics().silhouette()));
        json.put("silhouetteRows", model.metrics().silhouetteSampleSize());
        json.put("daviesBouldin", nullIfNaN(model.metrics().daviesBouldin()));
        json.put("calinskiHarabasz", nullIfNaN(model.metrics().calinskiHarabasz()));
        json.put("fitSeconds", report.fitTime().toMillis() / 1000.0);
        json.put("sampleAgreement", nullIfNaN(report.sampleAgreement()));
        json.put("segments", model.segments().stream().map(s -> {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("id", s.id());
            segment.put("size", s.size());
            segment.put("share", s.share());
            report.segments().stream().filter(l -> l.segment() == s.id()).findFirst()
                    .ifPresent(l -> segment.put("name", l.name()));
            return segment;
        }).toList());
        return json;
    }

    private static String toText(TrainingReport report) {
        InferenceReport inference = report.inference();
        ModelVersion version = report.model();
        TrainedModel model = version.model();
        StringBuilder out = new StringBuilder();
        out.append(InferenceText.render(inference));
        report.chosenK().ifPresent(choice -> out.append('\n').append(choice.summary()).append('\n'));
        out.append('\n').append(String.format(Locale.ROOT,
                "Trained %s (%s seed=%d) in %.1f s: model version %d, %s%n", model.algorithm(),
                model.parameters().describe(), model.seed(), report.fitTime().toMillis() / 1000.0, version.version(),
                report.notPromoted().map(reason -> "NOT activated (" + reason + "; activate it by hand with 'segments models activate "
                        + version.version() + "')").orElse("now active")));
        out.append(String.format(Locale.ROOT, "Silhouette %s (%s rows), Davies-Bouldin %s, Calinski-Harabasz %s, inertia %s%n",
                Numbers.metric(model.metrics().silhouette()), Numbers.count(model.metrics().silhouetteSampleSize()),
                Numbers.metric(model.metrics().daviesBouldin()), Numbers.value(model.metrics().calinskiHarabasz()),
                Numbers.value(model.metrics().inertia())));
        if (!Double.isNaN(model.metrics().meanStability())) {
            out.append("Mean bootstrap stability (Jaccard) ").append(Numbers.metric(model.metrics().meanStability())).append('\n');
        }
        if (model.metrics().noiseFraction() > 0) {
            out.append("Noise: ").append(Numbers.percent(model.metrics().noiseFraction()))
                    .append(" of customers belong to no segment (segment -1 when scored)\n");
        }
        if (Boolean.TRUE.equals(report.diagnostics().get("sampled"))) {
            out.append("Fitted on a seeded sample of ").append(Numbers.count(((Number) report.diagnostics().get("fittedRows")).longValue()))
                    .append(report.diagnostics().get("sampledBecause") instanceof String reason ? " rows (" + reason + ")"
                            : " rows (the algorithm needs memory growing with rows squared)")
                    .append("; the rest were assigned by its prediction rule\n");
        }
        if (!Double.isNaN(report.predictAgreement())) {
            out.append("Scoring the training rows gives back ").append(Numbers.agreement(report.predictAgreement()))
                    .append(" of their training labels (prediction agreement, noise included)\n");
        }
        if (model.lineage() != null) {
            out.append("Segment ids continue version ").append(model.lineage().fromVersion()).append(": ");
            out.append(String.join("; ", model.lineage().links().stream().map(TrainCommand::describe).toList())).append('\n');
        }
        out.append('\n');

        List<Segment> segments = model.segments();
        List<String> features = model.originalColumns();
        TextTable table = TextTable.numeric();
        String[] header = new String[segments.size() + 1];
        String[] sizes = new String[segments.size() + 1];
        String[] shares = new String[segments.size() + 1];
        header[0] = "segment";
        sizes[0] = "size";
        shares[0] = "share";
        for (int s = 0; s < segments.size(); s++) {
            header[s + 1] = Integer.toString(segments.get(s).id());
            sizes[s + 1] = Numbers.count(segments.get(s).size());
            shares[s + 1] = Numbers.percent(segments.get(s).share());
        }
        table.row(header).row(sizes).row(shares);
        for (int j = 0; j < features.size(); j++) {
            if (model.isCategoryColumn(j)) {
                continue; // a level position has no mean; segment profiles show categories by level
            }
            String[] row = new String[segments.size() + 1];
            row[0] = features.get(j);
            for (int s = 0; s < segments.size(); s++) {
                row[s + 1] = Numbers.value(segments.get(s).centroidOriginal()[j]);
            }
            table.row(row);
        }
        out.append("Segment centres in original units (mean of members):\n").append(table.render());
        if (!report.segments().isEmpty()) {
            out.append("\nSegments ('segments describe' shows their profiles; 'segments rename' names one by hand):\n");
            for (var label : report.segments()) {
                out.append(String.format(Locale.ROOT, "  %d  %s: %s%n", label.segment(), label.name(), label.description()));
            }
        }
        return out.toString();
    }

    private static Map<String, Object> toJson(TrainingReport report) {
        ModelVersion version = report.model();
        TrainedModel model = version.model();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version.version());
        json.put("active", report.activated());
        json.put("notPromoted", report.notPromoted().orElse(null));
        json.put("createdAt", version.createdAt().toString());
        json.put("algorithm", model.algorithm());
        json.put("parameters", model.parameters().values());
        json.put("seed", model.seed());
        json.put("source", report.inference().source());
        json.put("rows", report.inference().rows());
        json.put("idColumn", model.schema().idColumn());
        json.put("features", model.schema().features());
        json.put("groupColumns", model.schema().groupColumns());
        json.put("columns", report.inference().columns().stream().map(c -> Map.of("name", c.name(),
                "role", c.role().name().toLowerCase(Locale.ROOT), "reason", c.reason())).toList());
        json.put("ignoredColumns", report.inference().columns().stream()
                .filter(c -> c.role() == ColumnRole.IGNORED)
                .map(c -> Map.of("name", c.name(), "reason", c.reason())).toList());
        json.put("warnings", report.inference().warnings());
        json.put("silhouette", nullIfNaN(model.metrics().silhouette()));
        json.put("silhouetteRows", model.metrics().silhouetteSampleSize());
        json.put("daviesBouldin", nullIfNaN(model.metrics().daviesBouldin()));
        json.put("meanStability", nullIfNaN(model.metrics().meanStability()));
        json.put("calinskiHarabasz", nullIfNaN(model.metrics().calinskiHarabasz()));
        json.put("noiseFraction", nullIfNaN(model.metrics().noiseFraction()));
        json.put("inertia", model.metrics().inertia());
        json.put("fitSeconds", report.fitTime().toMillis() / 1000.0);
        json.put("predictAgreement", nullIfNaN(report.predictAgreement()));
        json.put("diagnostics", report.diagnostics());
        json.put("chosenK", report.chosenK().map(TrainCommand::chosenK).orElse(null));
        json.put("lineage", model.lineage() == null ? null : Map.of("fromVersion", model.lineage().fromVersion(),
                "links", model.lineage().links().stream().map(l -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("kind", l.kind().name());
                    link.put("previous", l.previous());
                    link.put("current", l.current());
                    link.put("overlap", nullIfNaN(l.overlap()));
                    return link;
                }).toList()));
        json.put("segments", model.segments().stream().map(s -> {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("id", s.id());
            segment.put("size", s.size());
            segment.put("share", s.share());
            Map<String, Object> centre = new LinkedHashMap<>();
            List<String> columns = model.originalColumns();
            for (int j = 0; j < columns.size(); j++) {
                if (model.isCategoryColumn(j)) {
                    continue;
                }
                centre.put(columns.get(j), nullIfNaN(s.centroidOriginal()[j]));
            }
            segment.put("centroid", centre);
            report.segments().stream().filter(l -> l.segment() == s.id()).findFirst().ifPresent(l -> {
                segment.put("name", l.name());
                segment.put("description", l.description());
                segment.put("offers", l.offers());
            });
            return segment;
        }).toList());
        return json;
    }

    private static String describe(SegmentLineage.Link link) {
        return switch (link.kind()) {
            case KEPT -> "kept " + link.current().getFirst() + String.format(Locale.ROOT, " (overlap %.2f)", link.overlap());
            case SPLIT -> "split " + link.previous().getFirst() + " -> " + link.current();
            case MERGED -> "merged " + link.previous() + " -> " + link.current().getFirst();
            case NEW -> "new " + link.current().getFirst();
            case VANISHED -> "vanished " + link.previous().getFirst();
        };
    }

    /** How k was chosen: the summary, the rule's decision and what was measured at every k. */
    private static Map<String, Object> chosenK(ChooseK.Choice choice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("k", choice.k());
        json.put("summary", choice.summary());
        json.put("range", Map.of("from", choice.range().from(), "to", choice.range().to()));
        json.put("decision", CompareCommand.RecommendationJson.decision(choice.decision()));
        json.put("evidence", choice.evidence().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", e.k().isPresent() ? e.k().getAsInt() : null);
            row.put("error", e.error());
            row.put("segments", e.segments());
            row.put("silhouette", nullIfNaN(e.silhouette()));
            row.put("silhouetteStandardError", nullIfNaN(e.silhouetteStandardError()));
            row.put("daviesBouldin", nullIfNaN(e.daviesBouldin()));
            row.put("calinskiHarabasz", nullIfNaN(e.calinskiHarabasz()));
            row.put("stabilityJaccard", e.jaccard());
            return row;
        }).toList());
        return json;
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
