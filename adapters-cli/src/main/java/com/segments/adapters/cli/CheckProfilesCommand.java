package com.segments.adapters.cli;

import com.segments.application.CheckProfiles;
import com.segments.domain.SegmentsException;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "check-profiles", mixinStandardHelpOptions = true,
        description = {"Recompute every customer's profile from the stored transactions (their stored order, the batch "
                + "rules) and compare it with the stored real-time profile, byte for byte. Exit code 1 when any differs."})
class CheckProfilesCommand implements Runnable {

    @Inject
    CheckProfiles check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the result as one JSON document")
    boolean json;

    @Override
    public void run() {
        long started = System.nanoTime();
        CheckProfiles.Result result = check.check();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("profiles", result.profiles());
            document.put("agreeing", result.agreeing());
            document.put("disagreeing", result.disagreeing());
            document.put("notRealTime", result.notRealTime());
            document.put("consistent", result.consistent());
            out.println(Json.write(document));
        } else {
            out.printf("%s of %s stored profiles equal the recomputation from fact_transactions (%.1f s)%n",
                    Numbers.count(result.agreeing()), Numbers.count(result.profiles()), (System.nanoTime() - started) / 1e9);
            if (result.notRealTime() > 0) {
                out.printf("%s customer(s) have stored transactions but no profile (loaded by 'ingest --transactions')%n",
                        Numbers.count(result.notRealTime()));
            }
        }
        out.flush();
        if (!result.consistent()) {
            throw new SegmentsException((result.profiles() - result.agreeing()) + " stored profile(s) differ from their "
                    + "transactions, e.g. " + result.disagreeing());
        }
    }
}
