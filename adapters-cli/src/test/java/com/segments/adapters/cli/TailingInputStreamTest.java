package com.segments.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A followed file: lines appended after its end are read, a half-written line waits for its end, idling ends it. */
class TailingInputStreamTest {

    @TempDir
    Path dir;

    @Test
    void readsLinesAppendedLaterAndWaitsForTheRestOfAHalfWrittenLineThenStopsWhenIdle() throws Exception {
        Path file = dir.resolve("live.csv");
        Files.writeString(file, "a,1\n");
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new TailingInputStream(file, Duration.ofMillis(1_500)), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(400);
        Files.writeString(file, "b,", StandardOpenOption.APPEND);
        Thread.sleep(400);
        synchronized (lines) {
            assertThat(lines).as("a half-written line is not a line yet").containsExactly("a,1");
        }
        Files.writeString(file, "2\nc,3\n", StandardOpenOption.APPEND);
        reading.get(10, TimeUnit.SECONDS);
        assertThat(lines).containsExactly("a,1", "b,2", "c,3");
    }

    @Test
    void aFileCutShorterThanWhatWasReadIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("rotated.csv");
        Files.writeString(file, "a,1\nb,2\n");
        try (TailingInputStream in = new TailingInputStream(file, Duration.ofSeconds(5))) {
            assertThat(in.readNBytes(8)).hasSize(8);
            Files.writeString(file, "x\n");
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("rotated.csv")
                    .hasMessageContaining("truncated or replaced");
        }
    }

    @Test
    void anInterruptedWaitEndsTheReading() throws Exception {
        Path file = dir.resolve("quiet.csv");
        Files.writeString(file, "");
        Thread reader = new Thread(() -> {
            try (TailingInputStream in = new TailingInputStream(file, Duration.ZERO)) {
                in.read();
            } catch (IOException e) {
                Thread.currentThread().setName("ended: " + e.getClass().getSimpleName());
            }
        });
        reader.start();
        Thread.sleep(300);
        assertThat(reader.isAlive()).as("with no idle stop it waits").isTrue();
        reader.interrupt();
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(reader.getName()).isEqualTo("ended: InterruptedIOException");
    }
}
