package com.segments.domain.table;

import java.io.InputStream;
import java.nio.file.Path;

/** The port that opens delimited tables: customer tables and profile files on disk, and uploads. */
public interface TableFiles {

    /**
     * @param delimiter   the field separator, or {@code null} to detect comma, semicolon or tab
     * @param fingerprint whether to hash the bytes read (what a trained model records of its data); scoring
     *                    need not pay for it
     * @throws DataSourceException when there is no such readable file
     */
    TableReader open(Path file, Character delimiter, boolean fingerprint);

    /** An upload, read once as it arrives. */
    TableReader open(InputStream upload, String name, Character delimiter);
}
