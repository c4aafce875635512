package com.segments.domain.table;

import java.nio.file.Path;

/**
 * The port that writes delimited files (scores, profiles, generated data) so that a file appears only once it is
 * complete: a failure half-way leaves nothing behind, and a reader never sees a partial file.
 */
public interface RecordFiles {

    /** @throws DataSourceException when the file cannot be created */
    RecordSink create(Path target);

    /** Rows of text cells, then {@link #commit()}; closing without committing discards what was written. */
    interface RecordSink extends AutoCloseable {

        /** Writes one row; the array may be reused by the caller once this returns. */
        void write(String[] cells);

        default void write(java.util.List<String> cells) {
            write(cells.toArray(String[]::new));
        }

        /** Moves the finished file into place; returns its absolute path. */
        Path commit();

        @Override
        void close();
    }
}
