package com.segments.application.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One pass over a delimited text file: detects the separator, skips a byte-order mark, checks that every row has
 * as many fields as the header, and hashes the bytes it reads so the data can be fingerprinted. Quoted fields with
 * line breaks and CRLF line ends are handled by FastCSV.
 */
public final class CsvSource {

    /** Receives each data row; {@code row} counts data rows from 1, {@code line} is the file line it starts on. */
    @FunctionalInterface
    public interface RowHandler {
        void row(long row, long line, List<String> fields);
    }

    private final Path file;
    private final String name;
    private final InputStream stream;
    private final char delimiter;

    private CsvSource(Path file, String name, InputStream stream, char delimiter) {
        this.file = file;
        this.name = name;
        this.stream = stream;
        this.delimiter = delimiter;
    }

    /**
     * Reads an upload (a request body): one pass, never stored whole. The delimiter is detected from the header line
     * when {@code delimiter} is null.
     */
    public static CsvSource ofStream(InputStream in, String name, Character delimiter) {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        char separator;
        if (delimiter != null) {
            separator = delimiter;
        } else {
            try {
                buffered.mark(1 << 16);
                byte[] head = buffered.readNBytes(1 << 16);
                buffered.reset();
                separator = detect(firstLine(head));
            } catch (IOException e) {
                throw new DataFileException(name + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new CsvSource(null, name, buffered, separator);
    }

    /**
     * Opens a file for reading; {@code delimiter} may be {@code null} to detect comma, semicolon or tab from the
     * header line.
     */
    public static CsvSource open(Path file, Character delimiter) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new DataFileException(file + ": not readable");
        }
        return new CsvSource(file, file.getFileName().toString(), null, delimiter != null ? delimiter : detectDelimiter(file));
    }

    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    public char delimiter() {
        return delimiter;
    }

    /**
     * Reads the header and then every row, in order.
     *
     * @return the hex SHA-256 of the file's bytes
     */
    public String read(java.util.function.Consumer<List<String>> headerHandler, RowHandler rowHandler) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(stream != null ? stream
                : new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
             CsvReader<CsvRecord> reader = CsvReader.builder()
                     .fieldSeparator(delimiter)
                     .detectBomHeader(true)
                     .skipEmptyLines(true)
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            List<String> header = null;
            long row = 0;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = header(record);
                    headerHandler.accept(header);
                    continue;
                }
                row++;
                checkWidth(header, record, row);
                rowHandler.row(row, record.getStartingLineNumber(), record.getFields());
            }
            if (header == null) {
                throw new DataFileException(name() + ": the file is empty (no header line)");
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // hash any bytes the reader did not need
            return HexFormat.of().formatHex(digest.digest());
        } catch (CsvParseException e) {
            throw new DataFileException(name() + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads the header line only. */
    public List<String> header() {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).detectBomHeader(true)
                     .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                return header(record);
            }
            throw new DataFileException(name() + ": the file is empty (no header line)");
        } catch (CsvParseException e) {
            throw new DataFileException(name() + ": " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private List<String> header(CsvRecord record) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            if (name.isEmpty()) {
                throw new DataFileException(name() + ": header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new DataFileException(name() + ": header names column '" + name + "' twice");
            }
            header.add(name);
        }
        return List.copyOf(header);
    }

    private void checkWidth(List<String> header, CsvRecord record, long row) {
        int count = record.getFieldCount();
        if (count == header.size()) {
            return;
        }
        String where = name() + ": row " + row + " (line " + record.getStartingLineNumber() + ") has " + count
                + " field" + (count == 1 ? "" : "s") + " but the header has " + header.size() + "; ";
        if (count < header.size()) {
            throw new DataFileException(where + "column '" + header.get(count) + "' is missing");
        }
        throw new DataFileException(where + "the extra field after column '" + header.getLast() + "' is \""
                + record.getField(header.size()) + "\"");
    }

    private static char detectDelimiter(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(firstLine(in.readNBytes(1 << 16)));
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static char detect(String firstLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int count = countOutsideQuotes(firstLine, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char candidate) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == candidate && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
