package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The integrity of stored model documents. Every document carries the SHA-256 of its bytes, checked on every
 * load: a document changed in the database without its digest is refused. The digest sits in the same row, so
 * someone who can write the database can recompute it; against that, a signing key kept outside the database
 * ({@code segments.model.signing-key}) adds an HMAC-SHA256 over the version number and the digest, which cannot be
 * forged, nor copied from one version to another, without the key. With a key configured, an unsigned document is
 * refused too.
 */
final class ModelDigests {

    /** A key shorter than this gives HMAC-SHA256 less than its strength; refused rather than silently weak. */
    static final int MIN_KEY_BYTES = 32;

    private final Optional<SecretKeySpec> key;

    ModelDigests(String signingKey) {
        if (signingKey == null || signingKey.isEmpty()) {
            key = Optional.empty();
        } else {
            byte[] bytes = signingKey.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("segments.model.signing-key (SEGMENTS_MODEL_SIGNING_KEY) must be at "
                        + "least " + MIN_KEY_BYTES + " bytes, got " + bytes.length
                        + " (for example: openssl rand -base64 48)");
            }
            key = Optional.of(new SecretKeySpec(bytes, "HmacSHA256"));
        }
    }

    boolean signing() {
        return key.isPresent();
    }

    static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The signature of a version's document, or null without a key. */
    String hmac(int version, String sha256) {
        if (key.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.get());
            return HexFormat.of().formatHex(mac.doFinal(("segments-model-v1:" + version + ":" + sha256)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    /**
     * Why the stored document of {@code version} must not be used, or empty when it may.
     *
     * @param document the stored document (null: the version has no model, nothing to check)
     */
    Optional<String> problem(int version, String document, String storedSha256, String storedHmac) {
        if (document == null) {
            return Optional.empty();
        }
        if (storedSha256 == null) {
            return Optional.of("model version " + version + " has no digest: it was not stored by Segments; refused");
        }
        String actual = sha256(document);
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                storedSha256.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("model version " + version + " does not match its digest: its document was changed "
                    + "outside Segments; refused");
        }
        if (key.isPresent()) {
            if (storedHmac == null) {
                return Optional.of("model version " + version + " is not signed, and a signing key is configured "
                        + "(segments.model.signing-key); refused");
            }
            if (!MessageDigest.isEqual(hmac(version, actual).getBytes(StandardCharsets.US_ASCII),
                    storedHmac.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of("model version " + version + " has a signature that does not match the signing key: "
                        + "it was changed outside Segments or signed with another key; refused");
            }
        }
        return Optional.empty();
    }

    /** Throws {@link CorruptModelException} naming the version when its document must not be used. */
    void check(int version, String document, String storedSha256, String storedHmac) {
        problem(version, document, storedSha256, storedHmac).ifPresent(p -> {
            throw new CorruptModelException(p);
        });
    }

    /** A stored model that failed its integrity check: it is never loaded, activated or served. */
    static final class CorruptModelException extends SegmentsException {
        CorruptModelException(String message) {
            super(message);
        }
    }
}
