package com.segments.adapters.cli;

import com.segments.application.AuditTrail;
import com.segments.domain.audit.AuditEntry;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Who changed what, when, how it ended and from where: activations, rollbacks, aliases, segment "
                + "edits, trainings and retrainings, cancellations, keys made and revoked, and every refused API key.",
                "Oldest first; the newest --limit entries."})
class AuditCommand implements Runnable {

    @Inject
    AuditTrail audit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE", description = "2026-03-01 (UTC) or 2026-03-01T10:00:00Z")
    String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "at most this many, the newest "
            + "(default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    @Override
    public void run() {
        List<AuditEntry> entries = audit.since(AuditTrail.since("--since", since), limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(entries.stream().map(AuditCommand::toJson).toList()));
        } else if (entries.isEmpty()) {
            out.println("Nothing audited" + (since == null ? "" : " since " + since) + ".");
        } else {
            TextTable table = TextTable.numeric(0).row("at (UTC)", "actor", "action", "target", "outcome", "detail", "source");
            for (AuditEntry e : entries) {
                table.row(e.at().toString(), e.actor(), e.action(), e.target(), e.outcome().name(), e.detail(), e.source());
            }
            out.print(table.render());
        }
        out.flush();
    }

    private static Map<String, Object> toJson(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", e.at().toString());
        json.put("actor", e.actor());
        json.put("action", e.action());
        json.put("target", e.target());
        json.put("outcome", e.outcome().name());
        json.put("detail", e.detail());
        json.put("source", e.source());
        return json;
    }
}
