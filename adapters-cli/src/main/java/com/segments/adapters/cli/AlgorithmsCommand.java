package com.segments.adapters.cli;

import com.segments.application.AlgorithmCatalog;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.ParameterSpec;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "List the clustering plugins, their parameters, bounds and defaults.")
class AlgorithmsCommand implements Runnable {

    @Inject
    AlgorithmCatalog catalog;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the list as JSON")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(catalog.descriptors().stream().map(AlgorithmsCommand::toJson).toList()));
        } else {
            for (AlgorithmDescriptor descriptor : catalog.descriptors()) {
                out.printf("%s  %s (%s)%n", descriptor.id(), descriptor.description(), descriptor.library());
                TextTable table = TextTable.text();
                for (ParameterSpec p : descriptor.parameters()) {
                    table.row("   --param " + p.name() + "=N", "default " + p.defaultValue(),
                            "[" + p.min() + ", " + p.max() + "]", p.description());
                }
                out.print(table.render());
            }
        }
        out.flush();
    }

    private static Map<String, Object> toJson(AlgorithmDescriptor descriptor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", descriptor.id());
        json.put("description", descriptor.description());
        json.put("library", descriptor.library());
        json.put("parameters", descriptor.parameters());
        return json;
    }
}
