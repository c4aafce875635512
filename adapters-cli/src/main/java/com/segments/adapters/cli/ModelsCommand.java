package com.segments.adapters.cli;

import com.segments.application.ActivateModel;
import com.segments.application.AuditTrail;
import com.segments.application.ListModels;
import com.segments.application.ModelReference;
import com.segments.application.ShowModel;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The model registry. Alone, lists the versions, newest first (like 'models list')."},
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Show.class, ModelsCommand.Activate.class,
                ModelsCommand.Rollback.class, ModelsCommand.Alias.class})
class ModelsCommand implements Runnable {

    @Inject
    ListModels listModels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the list as JSON")
    boolean json;

    @Override
    public void run() {
        printList(listModels.list(), json, spec.commandLine().getOut());
    }

    static void printList(List<ModelSummary> models, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.write(models.stream().map(ModelsCommand::toJson).toList()));
        } else if (models.isEmpty()) {
            out.println("No models yet. Train one: segments train --data FILE.csv [--k N]");
        } else {
            TextTable table = TextTable.numeric()
                    .row("version", "algorithm", "k", "created (UTC)", "status", "aliases", "silhouette", "rows", "source");
            for (ModelSummary m : models) {
                table.row(Integer.toString(m.version()), m.algorithm(), Integer.toString(m.segmentCount()), time(m),
                        m.status().name(), String.join(",", m.aliases()), Numbers.metric(m.silhouette()),
                        Numbers.count(m.dataRows()), m.dataSource());
            }
            out.print(table.render());
        }
        out.flush();
    }

    private static String time(ModelSummary m) {
        return m.createdAt().toString().replace('T', ' ').replaceFirst("\\..*Z$", "").replace("Z", "");
    }

    static Map<String, Object> toJson(ModelSummary m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version());
        json.put("algorithm", m.algorithm());
        json.put("k", m.segmentCount());
        json.put("createdAt", m.createdAt().toString());
        json.put("status", m.status().name());
        json.put("active", m.active());
        json.put("aliases", m.aliases());
        json.put("triggeredBy", m.triggeredBy());
        json.put("silhouette", TrainCommand.nullIfNaN(m.silhouette()));
        json.put("rows", m.dataRows());
        json.put("source", m.dataSource());
        return json;
    }

    static Map<String, Object> toJson(Activation a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", a.version());
        json.put("previous", a.previous().isPresent() ? a.previous().getAsInt() : null);
        json.put("at", a.at().toString());
        json.put("reason", a.reason());
        return json;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the versions, newest first.")
    static class ListVersions implements Runnable {
        @Inject
        ListModels listModels;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "print the list as JSON")
        boolean json;

        @Override
        public void run() {
            printList(listModels.list(), json, spec.commandLine().getOut());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one version: status, parameters, data, metrics, segments.")
    static class Show implements Runnable {
        @Inject
        ShowModel showModel;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "VERSION|ALIAS", arity = "0..1", description = "default: the active model")
        String reference;

        @Option(names = "--json", description = "print as JSON")
        boolean json;

        @Override
        public void run() {
            ShowModel.Shown shown = showModel.show(ModelReference.parse(reference));
            PrintWriter out = spec.commandLine().getOut();
            if (shown.version() == null) {
                Map<String, Object> summary = toJson(shown.summary());
                if (json) {
                    out.println(Json.write(summary));
                } else {
                    TextTable facts = TextTable.text();
                    summary.forEach((key, value) -> facts.row(key, String.valueOf(value)));
                    out.print(facts.render());
                }
                out.flush();
                return;
            }
            TrainedModel model = shown.version().model();
            Map<String, Object> details = toJson(shown.summary());
            details.put("parameters", model.parameters().values());
            details.put("seed", model.seed());
            details.put("idColumn", model.schema().idColumn());
            details.put("features", model.schema().features());
            details.put("dataSha256", model.fingerprint().sha256());
            details.put("metrics", Map.of("inertia", model.metrics().inertia(),
                    "silhouetteRows", model.metrics().silhouetteSampleSize(),
                    "noiseFraction", String.valueOf(model.metrics().noiseFraction()),
                    "daviesBouldin", String.valueOf(model.metrics().daviesBouldin()),
                    "calinskiHarabasz", String.valueOf(model.metrics().calinskiHarabasz())));
            details.put("libraryVersions", model.libraryVersions());
            details.put("segments", model.segments().stream().map(s -> Map.of("id", s.id(), "size", s.size(), "share", s.share())).toList());
            if (json) {
                out.println(Json.write(details));
            } else {
                TextTable facts = TextTable.text();
                details.forEach((key, value) -> {
                    if (!key.equals("segments") && !key.equals("features")) {
                        facts.row(key, String.valueOf(value));
                    }
                });
                facts.row("features", model.schema().size() + ": " + String.join(", ", model.schema().features()));
                out.print(facts.render());
                TextTable segments = TextTable.numeric().row("segment", "size", "share");
                for (Segment s : model.segments()) {
                    segments.row(Integer.toString(s.id()), Numbers.count(s.size()), Numbers.percent(s.share()));
                }
                out.print(segments.render());
            }
            out.flush();
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Make a version the one predictions use.")
    static class Activate implements Runnable {
        @Inject
        ActivateModel activateModel;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "VERSION")
        int version;

        @Option(names = "--json", description = "print as JSON")
        boolean json;

        @Inject
        AuditTrail audit;

        @Override
        public void run() {
            report(audit.audited(CliActor.name(), "model.activate", "version " + version, CliActor.SOURCE,
                    () -> activateModel.activate(version), ModelsCommand::said), json, spec.commandLine().getOut());
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Activate the version that was active before the current one.")
    static class Rollback implements Runnable {
        @Inject
        ActivateModel activateModel;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "print as JSON")
        boolean json;

        @Inject
        AuditTrail audit;

        @Override
        public void run() {
            report(audit.audited(CliActor.name(), "model.rollback", "", CliActor.SOURCE, activateModel::rollback,
                    ModelsCommand::said), json, spec.commandLine().getOut());
        }
    }

    @Command(name = "alias", mixinStandardHelpOptions = true, description = "Point an alias (champion, challenger, ...) at a version.")
    static class Alias implements Runnable {
        @Inject
        ActivateModel activateModel;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ALIAS")
        String alias;

        @Parameters(index = "1", paramLabel = "VERSION")
        int version;

        @Inject
        AuditTrail audit;

        @Override
        public void run() {
            audit.audited(CliActor.name(), "alias.set", "alias " + alias, CliActor.SOURCE, () -> {
                activateModel.alias(alias, version);
                return version;
            }, v -> "points at version " + v);
            spec.commandLine().getOut().printf("%s now points at model version %d%n", alias, version);
            spec.commandLine().getOut().flush();
        }
    }

    /** What an activation did, in the audit's words (the same as the HTTP door's). */
    static String said(Activation a) {
        return "active " + a.version() + (a.previous().isPresent() ? " (was " + a.previous().getAsInt() + ")" : "");
    }

    static void report(Activation activation, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.write(toJson(activation)));
        } else {
            out.printf("Model version %d is active%s%n", activation.version(),
                    activation.previous().isPresent() ? " (was " + activation.previous().getAsInt() + ")" : "");
        }
        out.flush();
    }
}
