package com.segments.adapters.cli;

import com.segments.application.Moments;
import com.segments.application.RecordTransactions;
import com.segments.domain.feature.FieldValidationException;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "moves", mixinStandardHelpOptions = true,
        description = {"Customers whose segment changed since a date, oldest first: who moved, from what, to what, "
                + "with which model version, when, and why (a transaction of theirs, or a new model re-scoring them)."})
class MovesCommand implements Runnable {

    @Inject
    RecordTransactions record;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--since", required = true, paramLabel = "DATE",
            description = "a date (2026-03-01, midnight UTC) or an instant (2026-03-01T09:00:00Z)")
    String since;

    @Option(names = "--to", paramLabel = "NAME", description = "only moves into this segment (its name in the active "
            + "model, or its id)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000", description = "at most N moves (default 10000)")
    int limit;

    @Option(names = "--json", description = "print the moves as one JSON document")
    boolean json;

    @Override
    public void run() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        List<RecordTransactions.Move> moves = record.moves(instant(), to, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("since", instant().toString());
            document.put("moves", moves.stream().map(MovesCommand::toJson).toList());
            out.println(Json.write(document));
        } else {
            out.printf("%s move(s) since %s%s%n", Numbers.count(moves.size()), since, to == null ? "" : " into " + to);
            for (RecordTransactions.Move m : moves) {
                out.printf("%s  %s  %s -> %s  (version %d, %s)%n", m.at(), m.customer(),
                        m.from() == null ? "(none)" : segment(m.from(), m.fromName()), segment(m.to(), m.toName()),
                        m.version(), m.cause());
            }
        }
        out.flush();
    }

    private static String segment(int id, String name) {
        return name == null ? "segment " + id : id + " " + name;
    }

    private Instant instant() {
        try {
            return Moments.parse("--since", since);
        } catch (FieldValidationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Map<String, Object> toJson(RecordTransactions.Move m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", m.customer());
        json.put("from", m.from());
        json.put("fromName", m.fromName());
        json.put("to", m.to());
        json.put("toName", m.toName());
        json.put("modelVersion", m.version());
        json.put("at", m.at().toString());
        json.put("cause", m.cause());
        return json;
    }
}
