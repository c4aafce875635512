package com.segments.adapters.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether H2's automatic server mode can lose committed rows: process A opens the store (and serves it), process B
 * commits through A's server, then A is killed with {@code kill -9} while both commit. Every commit either
 * process saw return must be in the store afterwards. H2's default (commits written every 500 ms) fails this,
 * which the control run shows; the store's URL ({@link EmbeddedStore#durable}) passes.
 */
class KilledOwnerTest {

    @TempDir
    Path work;

    @Test
    void noCommittedRowIsLostWhenTheStoresOwnerIsKilled() throws Exception {
        Path folder = work.resolve("durable");
        Lost lost = run(folder, EmbeddedStore.durable(TestDatabases.h2Url(folder) + ";AUTO_SERVER=TRUE"));
        System.err.println("WRITE_DELAY=0: " + lost);
        assertThat(lost.committedByOwner()).as("the owner committed before it was killed").isPositive();
        assertThat(lost.committedByClient()).as("the client committed through the owner's server").isPositive();
        assertThat(lost.lostByOwner() + lost.lostByClient()).as("committed rows lost").isZero();
    }

    /** The control: what H2's default write delay loses in the same run (reported, since timing decides it). */
    @Test
    void controlWithH2sDefaultWriteDelay() throws Exception {
        Path folder = work.resolve("default");
        Lost lost = run(folder, TestDatabases.h2Url(folder) + ";AUTO_SERVER=TRUE;WRITE_DELAY=500");
        System.err.println("WRITE_DELAY=500 (H2's default): " + lost);
        assertThat(lost.committedByOwner()).isPositive();
    }

    record Lost(int committedByOwner, int lostByOwner, int committedByClient, int lostByClient) {
    }

    private Lost run(Path folder, String url) throws Exception {
        Files.createDirectories(folder);
        Process owner = commitLoop(url, "owner", folder.resolve("owner.out"));
        waitForCommits(folder.resolve("owner.out"), 5);
        Process client = commitLoop(url, "client", folder.resolve("client.out"));
        waitForCommits(folder.resolve("client.out"), 20);
        new ProcessBuilder("kill", "-9", Long.toString(owner.pid())).start().waitFor();
        owner.waitFor(30, TimeUnit.SECONDS);
        int atKill = commits(folder.resolve("client.out"));
        // the client carries on (it becomes the owner), then dies the same way
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (commits(folder.resolve("client.out")) < atKill + 20 && System.nanoTime() < deadline && client.isAlive()) {
            Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-9", Long.toString(client.pid())).start().waitFor();
        client.waitFor(30, TimeUnit.SECONDS);

        int ownerCommitted = commits(folder.resolve("owner.out"));
        int clientCommitted = commits(folder.resolve("client.out"));
        try (Connection connection = DriverManager.getConnection(TestDatabases.h2Url(folder), "sa", "")) {
            return new Lost(ownerCommitted, Math.max(0, ownerCommitted - stored(connection, "owner")),
                    clientCommitted, Math.max(0, clientCommitted - stored(connection, "client")));
        }
    }

    private static int stored(Connection connection, String writer) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT COUNT(*) FROM commits WHERE writer = '" + writer + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Process commitLoop(String url, String writer, Path out) throws IOException {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitLoop.class.getName(), url, writer))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static void waitForCommits(Path out, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (commits(out) < count) {
            assertThat(System.nanoTime()).as("%s reaches %d commits: %s", out, count,
                    Files.exists(out) ? Files.readString(out) : "").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int commits(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        return (int) Files.readAllLines(out).stream().filter(line -> line.startsWith("COMMITTED ")).count();
    }
}
