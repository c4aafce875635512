package com.segments.adapters.files;

import com.segments.domain.table.DataSourceException;

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
final class CsvSource {

    /** Receives each data row; {@code row} counts data rows from 1, {@code line} is the file line it starts on. */
    @FunctionalInterface
    public interface RowHandler {
        void row(long row, long line, List<String> fields);
    }

    private final Path file;
    private final String name;
    private final InputStream stream;
    private final char delimiter;
    private final boolean fingerprint;

    private CsvSource(Path file, String name, InputStream stream, char delimiter, boolean fingerprint) {
        this.file = file;
        this.name = name;
        this.stream = stream;
        this.delimiter = delimiter;
        this.fingerprint = fingerprint;
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
                throw new DataSourceException(name + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new CsvSource(null, name, buffered, separator, true);
    }

    /**
     * Opens a file for reading; {@code delimiter} may be {@code null} to detect comma, semicolon or tab from the
     * header line.
     */
    public static CsvSource open(Path file, Character delimiter) {
        return open(file, delimiter, true);
    }

    /** @param fingerprint whether {@link #read} hashes the bytes (else it answers an empty hash) */
    public static CsvSource open(Path file, Character delimiter, boolean fingerprint) {
        if (!Files.isRegularFile(file)) {
            throw new DataSourceException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new DataSourceException(file + ": not readable");
        }
        return new CsvSource(file, file.getFileName().toString(), null, delimiter != null ? delimiter : detectDelimiter(file),
                fingerprint);
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

    /** Where the rows come from, for a fingerprint: the file's absolute path, or the upload's name. */
    public String location() {
        return file != null ? file.toAbsolutePath().normalize().toString() : name;
    }

    /**
     * Reads the header and then every row, in order, as strings.
     *
     * @return the hex SHA-256 of the bytes read
     */
    public String read(java.util.function.Consumer<List<String>> headerHandler, RowHandler rowHandler) {
        List<String>[] header = new List[1];
        return parse(new RowCollector(), reader -> {
            long row = 0;
            for (RowCollector.Row record : reader) {
                String[] fields = record.fields();
                if (header[0] == null) {
                    header[0] = header(fields);
                    headerHandler.accept(header[0]);
                    continue;
                }
                row++;
                checkWidth(header[0], fields.length, row, record.line(), fields);
                rowHandler.row(row, record.line(), java.util.Arrays.asList(fields));
            }
            if (header[0] == null) {
                throw new DataSourceException(name() + ": the file is empty (no header line)");
            }
        });
    }

    /** What a parse does with the records a callback handler builds. */
    @FunctionalInterface
    interface Parse<T> {
        void run(CsvReader<T> reader) throws IOException;
    }

    /**
     * Runs one pass of FastCSV with a callback handler over the source, hashing the bytes on the way when asked.
     *
     * @return the hex SHA-256 of the bytes read, or "" when not fingerprinting
     */
    <T> String parse(de.siegmar.fastcsv.reader.CsvCallbackHandler<T> handler, Parse<T> parse) {
        MessageDigest digest = fingerprint ? sha256() : null;
        try (InputStream raw = stream != null ? stream : new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = digest == null ? raw : new DigestInputStream(raw, digest);
             CsvReader<T> reader = reader(handler, in, true)) {
            parse.run(reader);
            if (digest == null) {
                return "";
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // hash any bytes the reader did not need
            return HexFormat.of().formatHex(digest.digest());
        } catch (CsvParseException e) {
            throw unwrapped(e);
        } catch (NoSuchFileException e) {
            throw new DataSourceException(file + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataSourceException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Runs FastCSV with a callback handler over a stream that continues this source part way (a reader of its own read
     * the lines before), with this source's options; the caller hashes the bytes.
     */
    <T> void parseRest(InputStream in, boolean atStart, de.siegmar.fastcsv.reader.CsvCallbackHandler<T> handler,
                       Parse<T> parse) {
        try (CsvReader<T> reader = reader(handler, in, atStart)) {
            parse.run(reader);
        } catch (CsvParseException e) {
            throw unwrapped(e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataSourceException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** FastCSV over {@code in} with this source's options; the byte-order mark is looked for only at the start. */
    private <T> CsvReader<T> reader(de.siegmar.fastcsv.reader.CsvCallbackHandler<T> handler, InputStream in,
                                    boolean atStart) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .detectBomHeader(atStart)
                .skipEmptyLines(true)
                .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                .build(handler, in, StandardCharsets.UTF_8);
    }

    /**
     * What a FastCSV failure means to the caller: a cell or row our handler refused keeps its own message (it already
     * says where), any other failure of ours is itself, and FastCSV's own becomes a data-source error naming the file.
     */
    private RuntimeException unwrapped(CsvParseException e) {
        if (e.getCause() instanceof com.segments.domain.SegmentsException thrownByUs) {
            return thrownByUs;
        }
        if (e.getCause() instanceof RuntimeException failure && !(failure instanceof UncheckedIOException)) {
            return failure;
        }
        return new DataSourceException(name() + ": " + e.getMessage(), e);
    }

    /** Whether reads hash the bytes (else they answer an empty hash). */
    boolean fingerprints() {
        return fingerprint;
    }

    /** A new SHA-256 digest. */
    static MessageDigest newDigest() {
        return sha256();
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
            throw new DataSourceException(name() + ": the file is empty (no header line)");
        } catch (CsvParseException e) {
            throw new DataSourceException(name() + ": " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataSourceException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private List<String> header(CsvRecord record) {
        return header(record.getFields().toArray(String[]::new));
    }

    /** The header's names, trimmed; a nameless or repeated column is an error naming it. */
    List<String> header(String[] fields) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].strip();
            if (name.isEmpty()) {
                throw new DataSourceException(name() + ": header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new DataSourceException(name() + ": header names column '" + name + "' twice");
            }
            header.add(name);
        }
        return List.copyOf(header);
    }

    /** A row as wide as the header passes; another is an error naming the missing column or the extra field. */
    void checkWidth(List<String> header, int count, long row, long line, String[] fields) {
        if (count == header.size()) {
            return;
        }
        String where = name() + ": row " + row + " (line " + line + ") has " + count
                + " field" + (count == 1 ? "" : "s") + " but the header has " + header.size() + "; ";
        if (count < header.size()) {
            throw new DataSourceException(where + "column '" + header.get(count) + "' is missing");
        }
        throw new DataSourceException(where + "the extra field after column '" + header.getLast() + "' is \""
                + (fields == null ? "" : fields[header.size()]) + "\"");
    }

    private static char detectDelimiter(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(firstLine(in.readNBytes(1 << 16)));
        } catch (IOException e) {
            throw new DataSourceException(file + ": cannot be read: " + e.getMessage(), e);
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
