package com.segments.adapters.files;

import com.segments.domain.table.TableFiles;
import com.segments.domain.table.TableReader;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Delimited tables (comma, semicolon or tab, detected from the header; BOM, CRLF and quoted line breaks handled):
 * customer tables, profile files and uploads, read into typed columns.
 */
public final class CsvTableFiles implements TableFiles {

    @Override
    public TableReader open(Path file, Character delimiter, boolean fingerprint) {
        return new CsvTableReader(CsvSource.open(file, delimiter, fingerprint));
    }

    @Override
    public TableReader open(InputStream upload, String name, Character delimiter) {
        return new CsvTableReader(CsvSource.ofStream(upload, name, delimiter));
    }
}
