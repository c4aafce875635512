package com.segments.adapters.jdbc;

import com.segments.domain.model.ModelRepository;
import io.micronaut.context.ApplicationContext;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store is private to its owner: a secret password, owner-only files, old stores moved over. */
class EmbeddedStoreTest {

    @TempDir
    Path work;

    private Path home() {
        return work.resolve("home");
    }

    private String url() {
        return TestDatabases.h2Url(home()) + ";AUTO_SERVER=TRUE";
    }

    /** The configuration of the embedded default: user sa, password left empty. */
    private ApplicationContext open() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url());
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.dialect", "POSTGRES");
        properties.put("datasources.default.maximum-pool-size", 2);
        return ApplicationContext.run(properties);
    }

    private String secret() throws IOException {
        return Files.readString(home().resolve(EmbeddedStore.SECRET_FILE)).strip();
    }

    @Test
    void aNewStoreGetsARandomPasswordAndOwnerOnlyFiles() throws Exception {
        try (ApplicationContext context = open()) {
            context.getBean(ModelRepository.class).add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test");

            assertThat(mode(home())).isEqualTo("rwx------");
            assertThat(mode(home().resolve("db.secret"))).isEqualTo("rw-------");
            assertThat(mode(home().resolve("segments.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(home().resolve("segments.lock.db"))).isEqualTo("rw-------");
            // 32 random bytes in base64
            assertThat(secret()).matches("[A-Za-z0-9+/]{43}");

            assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                    .as("the old empty password").isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
            try (Connection connection = DriverManager.getConnection(url(), "sa", secret())) {
                assertThat(count(connection, "SELECT COUNT(*) FROM model_version")).isEqualTo(1);
            }
        }
        // A second installation has a password of its own.
        String first = secret();
        Path other = work.resolve("other");
        assertThat(EmbeddedStore.password(other.resolve("segments"), TestDatabases.h2Url(other), "sa")).isNotEqualTo(first);
    }

    @Test
    void aStoreMadeWithTheEmptyPasswordIsMovedToTheSecretAndKeepsItsData() throws Exception {
        Files.createDirectories(home());
        Files.setPosixFilePermissions(home(), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ApplicationContext old = ApplicationContext.run(Map.of("datasources.default.url", url(),
                "datasources.default.username", "sa", "datasources.default.password", "not-yet",
                "datasources.default.dialect", "POSTGRES"))) {
            old.getBean(ModelRepository.class).add(ModelFixtures.twoSegments("old.csv"), Instant.now(), "test");
        }
        // As the previous release left it: the empty password, world-readable files, no secret.
        try (Connection connection = DriverManager.getConnection(url(), "sa", "not-yet")) {
            connection.createStatement().execute("ALTER USER \"sa\" SET PASSWORD ''");
        }
        Files.setPosixFilePermissions(home().resolve("segments.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.exists(home().resolve("db.secret"))).isFalse();

        try (ApplicationContext context = open()) {
            ModelRepository models = context.getBean(ModelRepository.class);
            assertThat(models.list()).hasSize(1);
            models.add(ModelFixtures.twoSegments("new.csv"), Instant.now(), "test");
        }

        assertThat(mode(home())).isEqualTo("rwx------");
        assertThat(mode(home().resolve("segments.mv.db"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
        try (Connection connection = DriverManager.getConnection(url(), "sa", secret())) {
            assertThat(count(connection, "SELECT COUNT(*) FROM model_version")).isEqualTo(2);
        }
    }

    @Test
    void aSecretOthersCanReadIsRefusedByName() throws Exception {
        try (ApplicationContext ignored = open()) {
            // made
        }
        Path secret = home().resolve("db.secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::open).rootCause()
                .hasMessageContaining(secret + " is readable by others (mode rw-r--r--)")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aStoreWithAPasswordButNoSecretSaysWhatIsMissing() throws Exception {
        try (ApplicationContext ignored = open()) {
            // made
        }
        Files.delete(home().resolve("db.secret"));

        assertThatThrownBy(this::open).satisfies(e -> assertThat(messages(e))
                .contains(home().resolve("segments") + " has a password but its db.secret is missing"));
    }

    /** A store another process holds (here without the automatic server) is waited for, then named in one line. */
    @Test
    void aStoreKeptBusyIsWaitedForThenNamed() throws Exception {
        Files.createDirectories(home());
        String url = TestDatabases.h2Url(home());
        Path out = work.resolve("holder.out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitLoop.class.getName(), url, "holder")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(out) && Files.readString(out).contains("COMMITTED"))) {
                assertThat(System.nanoTime()).as("the holder opens the store").isLessThan(deadline);
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedStore.connect(url, "sa", "", java.time.Duration.ofSeconds(2)).close())
                    .isInstanceOf(EmbeddedStore.StoreBusyException.class)
                    .hasMessageStartingWith("the store " + home().resolve("segments") + " stayed busy for 2 s")
                    .hasMessageContaining("Database may be already in use")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited")
                    .isBetween(Duration.ofMillis(1000), Duration.ofSeconds(10));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /**
     * The local takeover of issue 12, as another account: while the owner's process holds the store (and its
     * automatic TCP server), user {@code nobody} tries the file URL and the TCP port with {@code sa} and the empty
     * password. Both are refused. Needs root (to become nobody).
     */
    @Test
    void anotherAccountCannotConnect() throws Exception {
        Assumptions.assumeTrue(runuserAvailable(), () -> {
            System.err.println("SKIPPED: running as another OS user needs root and runuser (user is "
                    + System.getProperty("user.name") + ")");
            return "not root";
        });
        // Only our folder may stand in the way: the test's own directory is opened to everyone.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path probe = probeProgram();
        try (ApplicationContext context = open()) {
            context.getBean(ModelRepository.class).add(ModelFixtures.twoSegments("a.csv"), Instant.now(), "test");
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(home().resolve("segments.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the automatic server's address in the lock file").isNotBlank();

            ProbeResult asOwner = probe(probe, false, url(), secret());
            assertThat(asOwner.output()).as("the probe works: the owner with the secret").contains("CONNECTED");

            ProbeResult file = probe(probe, true, url(), "");
            ProbeResult tcp = probe(probe, true, "jdbc:h2:tcp://" + server + "/" + home().resolve("segments")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "");
            ProbeResult tcpGuess = probe(probe, true, "jdbc:h2:tcp://" + server + "/" + home().resolve("segments")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", secret().substring(0, 20));
            System.err.println("as nobody, file URL: " + file.output().strip());
            System.err.println("as nobody, TCP " + server + ": " + tcp.output().strip());
            assertThat(file.output()).contains("REFUSED").doesNotContain("CONNECTED");
            assertThat(tcp.output()).contains("REFUSED").doesNotContain("CONNECTED");
            assertThat(tcpGuess.output()).contains("REFUSED").doesNotContain("CONNECTED");
        }
    }

    private record ProbeResult(int exit, String output) {
    }

    private static boolean runuserAvailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "true").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A program that connects and says CONNECTED or REFUSED with H2's error code, readable by nobody. */
    private Path probeProgram() throws Exception {
        Path folder = Files.createTempDirectory("h2-probe");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(jar, folder.resolve("h2.jar"));
        Files.writeString(folder.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] a) {
                        try (var c = java.sql.DriverManager.getConnection(a[0], "sa", a.length > 1 ? a[1] : "")) {
                            System.out.println("CONNECTED as " + System.getProperty("user.name"));
                        } catch (java.sql.SQLException e) {
                            System.out.println("REFUSED " + e.getErrorCode() + " " + e.getMessage().lines().findFirst().orElse(""));
                        }
                    }
                }
                """);
        for (Path f : List.of(folder.resolve("h2.jar"), folder.resolve("Probe.java"))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return folder;
    }

    private static ProbeResult probe(Path folder, boolean asNobody, String url, String password) throws Exception {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=/tmp", "-cp", folder.resolve("h2.jar").toString(),
                folder.resolve("Probe.java").toString(), url, password));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProbeResult(process.exitValue(), output);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
