package com.segments.adapters.cli;

import com.segments.application.AuditTrail;
import com.segments.application.ManageApiKeys;
import com.segments.domain.access.ApiKey;
import com.segments.domain.access.Role;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"API keys with a name and a role: predict-only < operator < admin (docs/security.md).",
                "Only a keyed hash of each key is stored; a new key is printed once."},
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a keys command: add, list or revoke");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Make a key and print it (once).")
    static class Add implements Runnable {
        @Inject
        ManageApiKeys keys;

        @Inject
        AuditTrail audit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "letters, digits, '.', '_', '-' (never reused)")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "predict-only, operator or admin")
        String role;

        @Override
        public void run() {
            Role parsed = Role.parse("--role", role);
            ManageApiKeys.Issued issued = audit.audited(CliActor.name(), "key.add", "key " + name, CliActor.SOURCE,
                    () -> keys.add(name, parsed, CliActor.name()), i -> "key " + i.key().name() + " role " + parsed.label());
            PrintWriter out = spec.commandLine().getOut();
            out.println(issued.secret());
            out.flush();
            spec.commandLine().getErr().printf("Key '%s' (%s) made; it is shown only this once: send it in the "
                    + "X-API-Key header.%n", name, parsed.label());
            spec.commandLine().getErr().flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never the keys themselves).")
    static class ListKeys implements Runnable {
        @Inject
        ManageApiKeys keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "print as JSON")
        boolean json;

        @Override
        public void run() {
            List<ApiKey> all = keys.list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(all.stream().map(ListKeys::toJson).toList()));
            } else if (all.isEmpty()) {
                out.println("No API keys yet: segments keys add NAME --role ROLE");
            } else {
                TextTable table = TextTable.numeric(0).row("name", "role", "starts", "created (UTC)", "by", "revoked (UTC)");
                for (ApiKey k : all) {
                    table.row(k.name(), k.role().label(), k.hint() + "...", k.createdAt().toString(), k.createdBy(),
                            k.revokedAt() == null ? "" : k.revokedAt().toString());
                }
                out.print(table.render());
            }
            out.flush();
        }

        private static Map<String, Object> toJson(ApiKey k) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", k.name());
            json.put("role", k.role().label());
            json.put("hint", k.hint());
            json.put("createdAt", k.createdAt().toString());
            json.put("createdBy", k.createdBy());
            json.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
            return json;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Stop a key from working (a running "
            + "server notices within segments.api.keys-refresh, 5 s).")
    static class Revoke implements Runnable {
        @Inject
        ManageApiKeys keys;

        @Inject
        AuditTrail audit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public void run() {
            audit.audited(CliActor.name(), "key.revoke", "key " + name, CliActor.SOURCE, () -> keys.revoke(name),
                    k -> "key " + k.name() + " role " + k.role().label() + " revoked");
            spec.commandLine().getOut().printf("Key '%s' revoked%n", name);
            spec.commandLine().getOut().flush();
        }
    }
}
