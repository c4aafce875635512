package com.segments.adapters.jdbc;

import org.h2.api.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an embedded H2 file store private to the account that owns it.
 *
 * <p>H2's automatic server mode lets a second process reach the database through a TCP port on loopback, which
 * any local account can reach too: with {@code sa} and an empty password, any of them could rewrite the registry
 * and run Java code in the server ({@code CREATE ALIAS}). So the store's folder is made owner-only (0700), its
 * files 0600, and the database password is a random per-installation secret kept in {@code db.secret} beside the
 * database (0600; a wider mode is refused). A store made before this, with the empty password, is moved to the
 * secret once, by the first process that creates the secret.
 */
public final class EmbeddedStore {

    /** The file beside the database that holds its password. */
    public static final String SECRET_FILE = "db.secret";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final int SECRET_BYTES = 32;

    private EmbeddedStore() {
    }

    /**
     * The database file of an H2 file URL ({@code jdbc:h2:file:/home/u/.segments/segments;...}: the path
     * {@code /home/u/.segments/segments}), or empty for any other database (PostgreSQL, in-memory H2, H2 over TCP).
     */
    public static Optional<Path> databaseFile(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String rest;
        if (url.startsWith("jdbc:h2:file:")) {
            rest = url.substring("jdbc:h2:file:".length());
        } else if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:") && !url.startsWith("jdbc:h2:zip:")) {
            rest = url.substring("jdbc:h2:".length());
        } else {
            return Optional.empty();
        }
        int settings = rest.indexOf(';');
        String file = settings < 0 ? rest : rest.substring(0, settings);
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file).toAbsolutePath());
    }

    /**
     * The URL with {@code WRITE_DELAY=0} unless it sets one. H2 writes commits to the file from a background thread
     * every 500 ms by default: a {@code kill -9} of the process that holds the store loses what was committed in
     * that window, by that process and by every process reaching the store through its automatic server (measured:
     * docs/security.md). With 0 each commit is written before it returns.
     */
    public static String durable(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
    }

    /**
     * Makes the store's folder owner-only and returns the database password from its secret file, creating both
     * on first use. When the secret is created for a database that already exists, that database is moved from
     * the empty password to the secret first, so that nothing stored is lost.
     *
     * @param database the database file (without H2's {@code .mv.db} suffix)
     * @param url the JDBC URL that opens it, for the move from the empty password
     * @param user the database user
     * @throws IllegalStateException naming the file when the secret is readable by others or cannot be made
     */
    public static String password(Path database, String url, String user) {
        Path folder = database.getParent();
        try {
            ownerOnlyFolder(folder);
            Path secret = folder.resolve(SECRET_FILE);
            if (Files.exists(secret)) {
                return read(secret);
            }
            // One process at a time makes the secret (and moves an old store to it); the others wait, then read it.
            try (FileChannel channel = FileChannel.open(folder.resolve(SECRET_FILE + ".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_FILE));
                 FileLock ignored = channel.lock()) {
                if (Files.exists(secret)) {
                    return read(secret);
                }
                String created = newSecret();
                if (Files.exists(Path.of(database + ".mv.db"))) {
                    changePassword(url, user, "", created);
                }
                write(secret, created);
                return created;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the store's password in " + folder.resolve(SECRET_FILE)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes every file of the store owner-only (H2 creates its database, lock and trace files with the process's
     * umask, usually readable by everyone; the folder is already closed, this closes the files too).
     */
    public static void restrictFiles(Path database) {
        Path folder = database.getParent();
        String name = database.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the store's files in " + folder + " owner-only", e);
        }
    }

    /**
     * Opens a connection, waiting while another process is opening or has just left the store (H2 answers "Lock
     * file recently modified", "Database may be already in use" or a broken connection then) with a backoff from
     * 50 ms doubling to 1 s, until {@code limit} has passed; then one line saying so.
     */
    public static Connection connect(String url, String user, String password, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 50;
        while (true) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                if (!busy(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new StoreBusyException("the store " + databaseFile(url).map(Path::toString).orElse(url)
                            + " stayed busy for " + limit.toSeconds() + " s (another process is opening or holding it;"
                            + " try again, or raise segments.store.open-timeout): " + firstLine(e), e);
                }
                sleep(pause);
                pause = Math.min(1000, pause * 2);
            }
        }
    }

    /** Whether H2 refused because another process holds or is opening the store, which waiting can cure. */
    static boolean busy(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.ERROR_OPENING_DATABASE_1, ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.CONNECTION_BROKEN_1,
                 ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.LOCK_TIMEOUT_1 -> true;
            default -> false;
        };
    }

    /** The store could not be opened within the wait limit because other processes kept it busy. */
    public static final class StoreBusyException extends SQLException {
        StoreBusyException(String message, SQLException cause) {
            super(message, cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    private static void changePassword(String url, String user, String old, String secret) {
        try (Connection connection = connect(url, user, old, Duration.ofSeconds(60));
             Statement statement = connection.createStatement()) {
            String name;
            try (java.sql.ResultSet rs = statement.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                name = rs.getString(1);
            }
            // ALTER USER takes no parameters; the secret is base64, which holds no quote.
            statement.execute("ALTER USER \"" + name.replace("\"", "\"\"") + "\" SET PASSWORD '" + secret + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("the store " + databaseFile(url).orElseThrow() + " has a password but "
                        + "its " + SECRET_FILE + " is missing: restore that file (or set datasources.default.password)",
                        e);
            }
            throw new IllegalStateException("cannot move the store " + databaseFile(url).orElseThrow()
                    + " to a private password: " + firstLine(e), e);
        }
    }

    private static void ownerOnlyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } catch (FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
        // createDirectory applies the umask; a folder made before this release was usually 0755
        if (!Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        }
    }

    private static String read(Path secret) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(secret);
        if (!OWNER_FILE.containsAll(mode)) {
            throw new IllegalStateException(secret + " is readable by others (mode "
                    + PosixFilePermissions.toString(mode) + "); it holds the store's password: run chmod 600 " + secret);
        }
        String value = Files.readString(secret, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            throw new IllegalStateException(secret + " is empty; it must hold the store's password");
        }
        return value;
    }

    /** Written to a private temporary file, then linked into place: a reader sees the whole secret or none. */
    private static void write(Path secret, String value) throws IOException {
        Path temporary = Files.createTempFile(secret.getParent(), SECRET_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            Files.writeString(temporary, value + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.createLink(secret, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        }
    }
}
