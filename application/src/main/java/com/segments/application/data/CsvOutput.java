package com.segments.application.data;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a CSV file beside its target and moves it into place in one step once it is complete: a failure half-way
 * leaves no partial file, and a reader never sees one.
 */
public final class CsvOutput {

    /** Writes the records; may throw what writing throws. */
    @FunctionalInterface
    public interface Body {
        void write(CsvWriter csv) throws IOException;
    }

    private CsvOutput() {
    }

    /**
     * @return the target's absolute path
     * @throws DataFileException when the file cannot be written; whatever else {@code body} throws passes through,
     *                           and in every case nothing is left behind
     */
    public static Path write(Path out, Body body) {
        Path target = out.toAbsolutePath();
        Path temporary = temporaryBeside(target);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().build(writer)) {
            body.write(csv);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw new DataFileException(target + ": cannot be written: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new DataFileException(target + ": cannot be written: " + e.getMessage(), e);
        }
        return target;
    }

    private static Path temporaryBeside(Path target) {
        Path directory = target.getParent();
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "." + target.getFileName(), ".partial");
        } catch (IOException e) {
            throw new DataFileException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
