package com.segments.adapters.cli;

import com.segments.application.RetrainModel;
import com.segments.domain.job.TrainingJob;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Background training jobs (started with POST /api/v1/retrain), newest first; or one job by id.")
class JobsCommand implements Runnable {

    @Inject
    RetrainModel retrainModel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "show this job only")
    String id;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    @Override
    public void run() {
        List<TrainingJob> jobs = id == null ? retrainModel.recent(50) : List.of(retrainModel.find(id));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(id == null ? jobs.stream().map(JobsCommand::toJson).toList() : toJson(jobs.getFirst())));
        } else if (jobs.isEmpty()) {
            out.println("No training jobs yet.");
        } else {
            TextTable table = TextTable.numeric(2).row("id", "state", "progress", "version", "created (UTC)", "source", "error");
            for (TrainingJob job : jobs) {
                table.row(job.id(), job.state().name(), String.format(Locale.ROOT, "%.0f%%", 100 * job.progress()),
                        job.version() == null ? "" : job.version().toString(), job.createdAt().toString(), job.source(),
                        job.error() == null ? "" : job.error());
            }
            out.print(table.render());
        }
        out.flush();
    }

    private static Map<String, Object> toJson(TrainingJob job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("state", job.state().name());
        json.put("progress", job.progress());
        json.put("stage", job.stage());
        json.put("source", job.source());
        json.put("algorithm", job.algorithm());
        json.put("parameters", job.parameters());
        json.put("createdAt", job.createdAt().toString());
        json.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        json.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        json.put("version", job.version());
        json.put("error", job.error());
        return json;
    }
}
