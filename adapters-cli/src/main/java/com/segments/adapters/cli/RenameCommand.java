package com.segments.adapters.cli;

import com.segments.application.AuditTrail;
import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.domain.profile.SegmentLabel;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "rename", mixinStandardHelpOptions = true,
        description = {"Name a segment by hand (and optionally describe it or set its offers).",
                "A hand-given name survives retraining wherever the segment continues (segment alignment)."})
class RenameCommand implements Runnable {

    @Inject
    DescribeSegments describeSegments;

    @Inject
    AuditTrail audit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SEGMENT", description = "segment id")
    int segment;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "the new name (unique in the version)")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "what the segment is")
    String description;

    @Option(names = "--offer", paramLabel = "TEXT", description = "an offer / next best action; repeat for several "
            + "(replaces the segment's offers)")
    List<String> offers;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Override
    public void run() {
        SegmentLabel label = audit.audited(CliActor.name(), "segment.edit", "segment " + segment
                        + (model == null ? "" : " of model " + model), CliActor.SOURCE,
                () -> describeSegments.edit(ModelReference.parse(model), segment, name, description, offers),
                l -> "segment " + l.segment() + " '" + l.name() + "', " + l.offers().size() + " offers");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Segment %d is now '%s'%s%n", label.segment(), label.name(),
                label.offers().isEmpty() ? "" : "; offers: " + String.join("; ", label.offers()));
        out.flush();
    }
}
