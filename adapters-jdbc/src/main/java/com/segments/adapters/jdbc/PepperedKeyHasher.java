package com.segments.adapters.jdbc;

import com.segments.domain.access.KeyHasher;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * API keys are stored as HMAC-SHA-256 under a per-installation pepper, not with a slow password hash: our keys are
 * 256 random bits, which no hash speed makes guessable, and a fast keyed hash lets every request be checked without
 * a cache of plain keys. The pepper lives outside the database ({@code segments.api.key-pepper}, i.e.
 * {@code SEGMENTS_API_KEY_PEPPER}, else {@value #PEPPER_FILE} beside the store, owner-only, made on first use), so a
 * copy of the key table alone (a backup, a leaked dump) cannot even test a guess. Every process that checks or
 * makes keys for one store needs the same pepper: the CLI and the server on one machine share the file; servers on
 * other machines get the variable.
 */
@Singleton
final class PepperedKeyHasher implements KeyHasher {

    static final String PEPPER_FILE = "api-key.pepper";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int PEPPER_BYTES = 32;

    private final String configured;
    private final Path home;
    private SecretKeySpec pepper;

    PepperedKeyHasher(@Nullable @Value("${segments.api.key-pepper:}") String configured,
                      @Nullable @Value("${segments.home:}") String home) {
        this.configured = configured == null ? "" : configured.strip();
        this.home = home == null || home.isBlank() ? null : Path.of(home);
    }

    /** Every request that sends a key is hashed: each thread keeps its own initialised MAC rather than looking one up. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Override
    public String hash(String key) {
        return HexFormat.of().formatHex(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    private synchronized SecretKeySpec pepper() {
        if (pepper == null) {
            byte[] bytes = configured.isEmpty() ? fromFile() : configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < ModelDigests.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("segments.api.key-pepper (SEGMENTS_API_KEY_PEPPER) must be at "
                        + "least " + ModelDigests.MIN_KEY_BYTES + " bytes, got " + bytes.length
                        + " (for example: openssl rand -base64 48)");
            }
            pepper = new SecretKeySpec(bytes, "HmacSHA256");
        }
        return pepper;
    }

    /** The pepper file's bytes, made (owner-only, all at once) by the first process that needs it. */
    private byte[] fromFile() {
        if (home == null) {
            throw new IllegalStateException("API keys need a pepper: set segments.api.key-pepper "
                    + "(SEGMENTS_API_KEY_PEPPER) or segments.home (SEGMENTS_HOME) for its file");
        }
        Path file = home.resolve(PEPPER_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] random = new byte[PEPPER_BYTES];
                new SecureRandom().nextBytes(random);
                Path temporary = Files.createTempFile(home, PEPPER_FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
                try {
                    Files.writeString(temporary, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
                    Files.createLink(file, temporary); // fails if another process made it first: then theirs is read
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!mode.equals(OWNER_FILE)) {
                throw new IllegalStateException(file + " must be readable by its owner only (mode "
                        + PosixFilePermissions.toString(mode) + "); it keys the API-key hashes: run chmod 600 " + file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException(file + " is empty; it must hold the API-key pepper");
            }
            return text.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the API-key pepper " + file + ": " + e.getMessage(), e);
        }
    }
}
