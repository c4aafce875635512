package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several {@code segments} processes on one fresh embedded store, as issue 12 found them: four {@code train}
 * started at once, and the first (the one that opened the store, whose automatic server the others reach it
 * through) killed with {@code kill -9} while the others train. Every other process must finish, or fail with one
 * line, never a stack trace; and every version a process reported as stored must be in the store afterwards.
 */
class ConcurrentStoreTest {

    @TempDir
    Path work;

    @Test
    void fourTrainingsAtOnceAndAKilledOwnerLoseNoVersion() throws Exception {
        Path home = work.resolve("home");
        Path customers = work.resolve("customers.csv");
        assertThat(Segments.execute(new String[] {"generate", "--customers", "3000", "--out", customers.toString()},
                Map.of(), new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();

        List<Process> trainings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trainings.add(segments(home, work.resolve("train-" + i), "train", "--data", customers.toString(),
                    "--k", "3", "--restarts", "20", "--json"));
        }
        // The first to open the store owns its file and serves the others through a TCP port (in the lock file);
        // kill the process that listens there while the others train.
        long killed = owner(home.resolve("segments.lock.db"), trainings);
        Thread.sleep(1500);
        new ProcessBuilder("kill", "-9", Long.toString(killed)).start().waitFor();
        long runningThen = trainings.stream().filter(p -> p.pid() != killed && p.isAlive()).count();
        System.err.println(runningThen + " other trainings were running when the store's owner was killed");
        assertThat(runningThen).as("the kill hits trainings in flight").isPositive();

        Set<Integer> reported = new TreeSet<>();
        int succeeded = 0;
        for (int i = 0; i < trainings.size(); i++) {
            Process p = trainings.get(i);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("training %d ends", i).isTrue();
            String out = Files.readString(work.resolve("train-" + i + ".out"));
            String err = Files.readString(work.resolve("train-" + i + ".err"));
            System.err.println("training " + i + (p.pid() == killed ? " (killed)" : "") + ": exit " + p.exitValue()
                    + (err.isBlank() ? "" : ", stderr: " + err.strip()));
            if (p.pid() == killed) {
                continue;
            }
            assertThat(err).as("no stack trace from training %d", i).doesNotContain("\tat ").doesNotContain("Exception");
            if (p.exitValue() == 0) {
                succeeded++;
                reported.add(new ObjectMapper().readTree(out).get("version").asInt());
            } else {
                assertThat(err.strip().lines().count()).as("a failure is one line: %s", err).isEqualTo(1);
            }
        }
        assertThat(succeeded).as("the three processes that were not killed all trained").isEqualTo(3);

        Process list = segments(home, work.resolve("models"), "models", "--json");
        assertThat(list.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(list.exitValue()).as(Files.readString(work.resolve("models.err"))).isZero();
        Set<Integer> stored = new TreeSet<>();
        for (JsonNode model : new ObjectMapper().readTree(Files.readString(work.resolve("models.out")))) {
            if (Set.of("READY", "ACTIVE", "RETIRED").contains(model.get("status").asText())) {
                stored.add(model.get("version").asInt());
            }
        }
        System.err.println("versions reported by the trainings: " + reported + "; trained versions stored: " + stored);
        assertThat(stored).as("every reported version is stored").containsAll(reported);
    }

    /** The pid of the training whose automatic server the lock file names (by {@code ss}; else the first). */
    private static long owner(Path lock, List<Process> trainings) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String server = null;
        while (server == null && System.nanoTime() < deadline) {
            if (Files.exists(lock)) {
                java.util.Properties properties = new java.util.Properties();
                try (var in = Files.newInputStream(lock)) {
                    properties.load(in);
                } catch (IOException e) {
                    // being written
                }
                server = properties.getProperty("server");
            }
            Thread.sleep(20);
        }
        assertThat(server).as("a process opened the store and serves it").isNotNull();
        String port = server.substring(server.lastIndexOf(':') + 1);
        try {
            Process ss = new ProcessBuilder("ss", "-Htlnp", "sport = :" + port).redirectErrorStream(true).start();
            String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(listening);
            if (pid.find()) {
                long owner = Long.parseLong(pid.group(1));
                assertThat(trainings.stream().map(Process::pid)).as("the owner is one of the trainings").contains(owner);
                return owner;
            }
        } catch (IOException e) {
            // no ss: the first process is the likeliest owner
        }
        System.err.println("ss cannot name the process listening on " + server + "; killing the first training");
        return trainings.getFirst().pid();
    }

    /** {@code segments ARGS} in a JVM of its own on the store in {@code home}, output to {@code base}.out/.err. */
    private static Process segments(Path home, Path base, String... args) throws IOException {
        // the logging a user gets (LoggingSetup), not the tests' logback-test.xml: the class path without test classes
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Segments.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(Path.of(base + ".out").toFile())
                .redirectError(Path.of(base + ".err").toFile());
        builder.environment().put("SEGMENTS_HOME", home.toString());
        builder.environment().remove("SEGMENTS_DEBUG");
        return builder.start();
    }
}
