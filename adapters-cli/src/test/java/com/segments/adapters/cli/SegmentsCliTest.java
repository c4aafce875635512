package com.segments.adapters.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentsCliTest {

    @Test
    void aCommandLineGetsOnlyTheSubcommandItNames() {
        assertThat(SegmentsCli.commandLine("train", "--data", "x.csv").getSubcommands()).containsOnlyKeys("train");
        assertThat(SegmentsCli.commandLine("--version").getSubcommands()).isEmpty();
    }

    @Test
    void usageHelpAndTyposGetEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "train"}, {"trian"}}) {
            assertThat(SegmentsCli.commandLine(args).getSubcommands().keySet())
                    .containsAll(SegmentsCli.COMMANDS.keySet()).contains("help");
        }
    }

    @Test
    void eachCommandIsListedUnderTheNameItDeclares() {
        SegmentsCli.COMMANDS.forEach((name, type) ->
                assertThat(new CommandLine(type).getCommandName()).isEqualTo(name));
        assertThat(SegmentsCli.COMMANDS).hasSize(19);
    }

    @Test
    void aTypoIsAnsweredWithTheCommandsItMayMean() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SegmentsCli.commandLine("traim");
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("traim")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: segments train");
    }
}
