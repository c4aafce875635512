package com.segments.adapters.files;

import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.RecordFiles;
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
public final class CsvRecordFiles implements RecordFiles {

    @Override
    public RecordSink create(Path out) {
        Path target = out.toAbsolutePath();
        Path temporary = temporaryBeside(target);
        try {
            Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            return new Sink(target, temporary, CsvWriter.builder().build(writer));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new DataSourceException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /** Rows go to the temporary file; commit moves it onto the target, close without commit deletes it. */
    private static final class Sink implements RecordSink {
        private final Path target;
        private final Path temporary;
        private final CsvWriter csv;
        private boolean closed;
        private boolean committed;

        Sink(Path target, Path temporary, CsvWriter csv) {
            this.target = target;
            this.temporary = temporary;
            this.csv = csv;
        }

        @Override
        public void write(String[] cells) {
            try {
                csv.writeRecord(cells);
            } catch (UncheckedIOException e) {
                throw new DataSourceException(target + ": cannot be written: " + e.getMessage(), e);
            }
        }

        @Override
        public Path commit() {
            closeWriter();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(temporary);
                throw new DataSourceException(target + ": cannot be written: " + e.getMessage(), e);
            }
            committed = true;
            return target;
        }

        private void closeWriter() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                csv.close();
            } catch (IOException | UncheckedIOException e) {
                deleteQuietly(temporary);
                throw new DataSourceException(target + ": cannot be written: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                closeWriter();
            } catch (DataSourceException ignored) {
                // the failure that stopped the writing is the one worth reporting
            } finally {
                deleteQuietly(temporary);
            }
        }
    }

    private static Path temporaryBeside(Path target) {
        Path directory = target.getParent();
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "." + target.getFileName(), ".partial");
        } catch (IOException e) {
            throw new DataSourceException(target + ": cannot be written: " + e.getMessage(), e);
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
