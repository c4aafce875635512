package com.segments.adapters.files;

import com.segments.domain.table.DataSourceException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Splits a log file into lines and fields straight from its bytes, as long as its lines are plain: ASCII, no quote,
 * no carriage return but before a line feed. That is how logs of tens of millions of lines are written, and reading
 * them so skips decoding the bytes into characters and FastCSV's per-character state machine. At the first line that
 * is not plain (or a byte-order mark), the rest of the file goes to FastCSV, which then reads it exactly as it would
 * have read the whole file (line numbers continue). The bytes are hashed on the way, for the fingerprint.
 */
final class LogLines {

    /** What the lines are given to: the same calls FastCSV's callbacks make. */
    interface Handler {
        /** Before a line's first field. */
        void begin();

        /** One field; {@code buf} holds it from {@code offset}, as characters; {@code hash} is its String hash. */
        void field(int index, char[] buf, int offset, int length, int hash);

        /** After a line's last field; {@code line} is its number in the file, from 1. */
        void end(int fieldCount, long line);

        /** The lines before the rest of the file goes to FastCSV (its line numbers count from there). */
        void continueAfter(long lines);

        /** The handler FastCSV calls for the rest of the file. */
        de.siegmar.fastcsv.reader.CsvCallbackHandler<?> fastCsv();
    }

    private static final int CHUNK = 1 << 20;

    private LogLines() {
    }

    /**
     * Reads the whole file, giving every line to the handler.
     *
     * @param fingerprint whether to hash the bytes (when the source fingerprints)
     * @return the hex SHA-256 of the file's bytes, or "" when not hashed
     */
    static String read(CsvSource csv, Handler handler, boolean fingerprint) {
        MessageDigest digest = fingerprint && csv.fingerprints() ? CsvSource.newDigest() : null;
        byte delimiter = (byte) csv.delimiter();
        try (InputStream raw = Files.newInputStream(csv.file());
             InputStream in = digest == null ? raw : new DigestInputStream(raw, digest)) {
            byte[] bytes = new byte[CHUNK];
            char[] chars = new char[CHUNK];
            int filled = 0;
            long line = 0;
            boolean atStart = true;
            while (true) {
                int read = in.read(bytes, filled, bytes.length - filled);
                boolean end = read < 0;
                if (!end) {
                    filled += read;
                    if (filled < bytes.length) {
                        continue; // read on until the chunk is full or the file ends
                    }
                }
                if (atStart && filled >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                        && (bytes[2] & 0xFF) == 0xBF) {
                    rest(csv, handler, bytes, 0, filled, in, 0, true);
                    return hash(in, digest);
                }
                atStart = false;
                int start = 0;
                while (start < filled) {
                    int next = line(bytes, chars, start, filled, end, delimiter, handler, line + 1);
                    if (next == INCOMPLETE) {
                        break; // the line goes on in the next chunk
                    }
                    if (next == NOT_PLAIN) {
                        rest(csv, handler, bytes, start, filled, in, line, false);
                        return hash(in, digest);
                    }
                    line++;
                    start = next;
                }
                if (end) {
                    return hash(in, digest);
                }
                if (start == 0) {
                    if (bytes.length >= MAX_LINE_BYTES) {
                        throw new DataSourceException(csv.name() + ": line " + (line + 1) + " is longer than "
                                + (MAX_LINE_BYTES >> 20) + " MB; a transaction log has one transaction per line");
                    }
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2); // a line longer than a chunk
                    chars = new char[bytes.length];
                } else {
                    System.arraycopy(bytes, start, bytes, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
            }
        } catch (IOException e) {
            throw new DataSourceException(csv.name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A line is refused once its bytes fill a buffer this big, instead of doubling the buffer without end. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private static final int INCOMPLETE = -1;
    private static final int NOT_PLAIN = -2;

    /**
     * Reads the line at {@code start} in one pass over its bytes: finds its fields, copies them into {@code chars} and
     * hashes each, and hands them on (an empty line is skipped, as FastCSV skips it). A line found not plain on the
     * way may have handed on some fields: FastCSV then reads it again from its start, which begins it anew.
     *
     * @return where the next line starts, {@link #INCOMPLETE} when the chunk ends before the line does, or
     * {@link #NOT_PLAIN}
     */
    private static int line(byte[] bytes, char[] chars, int start, int filled, boolean end, byte delimiter,
                            Handler handler, long number) {
        byte first = bytes[start];
        if (first == '\n') {
            return start + 1; // an empty line
        }
        if (first == '\r' && start + 1 < filled && bytes[start + 1] == '\n') {
            return start + 2;
        }
        if (first == '\r' && start + 1 == filled && !end) {
            return INCOMPLETE;
        }
        handler.begin();
        int index = 0;
        int fieldStart = start;
        int hash = 0;
        for (int i = start; ; i++) {
            if (i == filled) {
                if (!end) {
                    return INCOMPLETE;
                }
                handler.field(index, chars, fieldStart, i - fieldStart, hash); // the last line has no line feed
                handler.end(index + 1, number);
                return filled;
            }
            byte b = bytes[i];
            if (b > '"' && b != delimiter) { // most bytes: digits, letters, '-', '.'
                chars[i] = (char) b;
                hash = 31 * hash + b;
                continue;
            }
            if (b == delimiter) {
                handler.field(index++, chars, fieldStart, i - fieldStart, hash);
                hash = 0;
                fieldStart = i + 1;
                continue;
            }
            if (b == '\n' || b == '\r' && i + 1 < filled && bytes[i + 1] == '\n') {
                handler.field(index, chars, fieldStart, i - fieldStart, hash);
                handler.end(index + 1, number);
                return b == '\n' ? i + 1 : i + 2;
            }
            if (b < 0 || b == '"' || b == '\r') {
                return b == '\r' && i + 1 == filled && !end ? INCOMPLETE : NOT_PLAIN;
            }
            chars[i] = (char) b; // a space, a tab that does not separate, another control character
            hash = 31 * hash + b;
        }
    }

    /** FastCSV reads the rest: the chunk from {@code from} on, then the file. */
    private static void rest(CsvSource csv, Handler handler, byte[] bytes, int from, int filled, InputStream in,
                             long lines, boolean atStart) {
        handler.continueAfter(lines);
        InputStream restOfFile = new SequenceInputStream(new ByteArrayInputStream(bytes, from, filled - from),
                new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                        // the caller closes the file
                    }
                });
        csv.parseRest(restOfFile, atStart, handler.fastCsv(), reader -> {
            for (Object ignored : reader) {
                // the handler takes each line as it is built
            }
        });
    }

    private static String hash(InputStream in, MessageDigest digest) throws IOException {
        if (digest == null) {
            return "";
        }
        in.transferTo(java.io.OutputStream.nullOutputStream()); // hash any bytes not read
        return HexFormat.of().formatHex(digest.digest());
    }
}
