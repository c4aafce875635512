package com.segments.adapters.cli;

import com.segments.application.ListModels;
import com.segments.domain.model.ModelSummary;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the stored model versions, newest first.")
class ModelsCommand implements Runnable {

    @Inject
    ListModels listModels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the list as JSON")
    boolean json;

    @Override
    public void run() {
        List<ModelSummary> models = listModels.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(models.stream().map(ModelsCommand::toJson).toList()));
        } else if (models.isEmpty()) {
            out.println("No models yet. Train one: segments train --data FILE.csv [--k N]");
        } else {
            TextTable table = TextTable.numeric()
                    .row("version", "algorithm", "k", "created (UTC)", "active", "silhouette", "rows", "source");
            for (ModelSummary m : models) {
                table.row(Integer.toString(m.version()), m.algorithm(), Integer.toString(m.segmentCount()),
                        m.createdAt().toString().replace('T', ' ').replaceFirst("\\..*Z$", "").replace("Z", ""),
                        m.active() ? "*" : "", Numbers.metric(m.silhouette()), Numbers.count(m.dataRows()),
                        m.dataSource());
            }
            out.print(table.render());
        }
        out.flush();
    }

    private static Map<String, Object> toJson(ModelSummary m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version());
        json.put("algorithm", m.algorithm());
        json.put("k", m.segmentCount());
        json.put("createdAt", m.createdAt().toString());
        json.put("active", m.active());
        json.put("silhouette", TrainCommand.nullIfNaN(m.silhouette()));
        json.put("rows", m.dataRows());
        json.put("source", m.dataSource());
        return json;
    }
}
