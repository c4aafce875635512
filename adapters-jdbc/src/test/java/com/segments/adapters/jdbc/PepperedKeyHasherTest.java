package com.segments.adapters.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PepperedKeyHasherTest {

    @TempDir
    Path home;

    @Test
    void theFirstUseMakesAnOwnerOnlyPepperThatLaterProcessesShare() throws Exception {
        PepperedKeyHasher first = new PepperedKeyHasher("", home.toString());
        String hash = first.hash("sgk_secret");
        Path pepper = home.resolve(PepperedKeyHasher.PEPPER_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pepper))).isEqualTo("rw-------");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(new PepperedKeyHasher("", home.toString()).hash("sgk_secret")).as("a second process").isEqualTo(hash);
        assertThat(first.hash("sgk_secreT")).isNotEqualTo(hash);
    }

    @Test
    void anotherPepperGivesAnotherHashSoATableCopyAloneCannotTestGuesses() {
        String configured = "p".repeat(40);
        String a = new PepperedKeyHasher(configured, home.toString()).hash("sgk_secret");
        String b = new PepperedKeyHasher("q".repeat(40), home.toString()).hash("sgk_secret");
        assertThat(a).isNotEqualTo(b);
        assertThat(Files.exists(home.resolve(PepperedKeyHasher.PEPPER_FILE))).as("a configured pepper makes no file").isFalse();
    }

    @Test
    void aPepperOthersCanReadOrAShortOneIsRefused() throws Exception {
        Path pepper = home.resolve(PepperedKeyHasher.PEPPER_FILE);
        Files.writeString(pepper, "x".repeat(44));
        Files.setPosixFilePermissions(pepper, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new PepperedKeyHasher("", home.toString()).hash("k"))
                .hasMessageContaining("readable by its owner only").hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> new PepperedKeyHasher("short", home.toString()).hash("k"))
                .hasMessageContaining("at least 32 bytes");
    }
}
