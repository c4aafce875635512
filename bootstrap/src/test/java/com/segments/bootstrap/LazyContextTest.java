package com.segments.bootstrap;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application context opened ahead, on a thread of its own, for the commands that read a file first. */
class LazyContextTest {

    @TempDir
    Path home;

    @Test
    void onlyTrainAndScoreOpenTheStoreAheadAndNotWhenTheyAskForHelp() {
        assertThat(Segments.opensStoreAhead(new String[] {"train", "--data", "a.csv"})).isTrue();
        assertThat(Segments.opensStoreAhead(new String[] {"score", "--data", "a.csv", "--out", "b.csv"})).isTrue();
        assertThat(Segments.opensStoreAhead(new String[] {"train", "--help"})).isFalse();
        assertThat(Segments.opensStoreAhead(new String[] {"score", "-h"})).isFalse();
        assertThat(Segments.opensStoreAhead(new String[] {"generate", "--customers", "10"})).isFalse();
        assertThat(Segments.opensStoreAhead(new String[] {"profiles", "--transactions", "log.csv"})).isFalse();
        assertThat(Segments.opensStoreAhead(new String[0])).isFalse();
    }

    @Test
    void aContextOpenedAheadIsTheOneEveryCallerGetsAndCloseStopsIt() {
        Segments.LazyContext context = new Segments.LazyContext(Map.of("segments.home", home.toString(),
                "segments.promotion.min-silhouette", "0.25"));
        context.openAhead();

        assertThat(context.configuration().getProperty("segments.promotion.min-silhouette", String.class))
                .contains("0.25");
        ApplicationContext running = context.get();
        assertThat(running.isRunning()).isTrue();
        assertThat(context.get()).isSameAs(running);
        assertThat(context.started()).isSameAs(running);
        context.openAhead(); // already open: nothing new
        assertThat(context.get()).isSameAs(running);

        context.close();
        assertThat(running.isRunning()).isFalse();
    }

    @Test
    void aContextNeverOpenedIsNotStartedByClosing() {
        Segments.LazyContext context = new Segments.LazyContext(Map.of("segments.home", home.toString()));
        context.close();
        assertThat(context.started()).isNull();
        assertThat(home.resolve("segments.mv.db")).doesNotExist();
    }

    @Test
    void aTrainingWhoseStoreCannotOpenSaysWhyInOneLine() throws Exception {
        assertThat(run("models").exitCode()).isZero();
        Path secret = home.resolve("db.secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = home.resolve("customers.csv");
        Files.writeString(data, "id,x,y\na,1,2\nb,2,1\nc,8,9\nd,9,8\n");

        // the store is opened ahead for train and fails there; the training, then the audit of its failure, meet it
        Cli.Result refused = run("train", "--data", data.toString(), "--k", "2");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains(secret + " is readable by others (mode rw-r--r--)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Cli.Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Segments.execute(args, Map.of("segments.home", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
