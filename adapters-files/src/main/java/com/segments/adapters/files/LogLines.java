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

        /** One field; {@code buf} holds it from {@code offset}, as characters. */
        void field(int index, char[] buf, int offset, int length);

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
     * @return the hex SHA-256 of the file's bytes, or "" when the source does not fingerprint
     */
    static String read(CsvSource csv, Handler handler) {
        MessageDigest digest = csv.fingerprints() ? CsvSource.newDigest() : null;
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
                while (true) {
                    int next = lineEnd(bytes, start, filled);
                    if (next < 0 && !end) {
                        break; // the line goes on in the next chunk
                    }
                    int stop = next < 0 ? filled : next;
                    if (next < 0 && stop == start) {
                        break; // the file ended with a line feed
                    }
                    int contentEnd = stop > start && bytes[stop - 1] == '\r' && next >= 0 ? stop - 1 : stop;
                    if (!plain(bytes, start, contentEnd)) {
                        rest(csv, handler, bytes, start, filled, in, line, false);
                        return hash(in, digest);
                    }
                    line++;
                    if (contentEnd > start) {
                        fields(bytes, chars, start, contentEnd, delimiter, handler, line);
                    }
                    start = stop + 1;
                    if (next < 0) {
                        break;
                    }
                }
                if (end) {
                    return hash(in, digest);
                }
                if (start == 0) {
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

    private static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether FastCSV would read the line as this class does: ASCII, no quote, no carriage return. */
    private static boolean plain(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b == '"' || b == '\r') {
                return false;
            }
        }
        return true;
    }

    private static void fields(byte[] bytes, char[] chars, int from, int to, byte delimiter, Handler handler,
                               long line) {
        handler.begin();
        int index = 0;
        int fieldStart = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            chars[i] = (char) b;
            if (b == delimiter) {
                handler.field(index++, chars, fieldStart, i - fieldStart);
                fieldStart = i + 1;
            }
        }
        handler.field(index++, chars, fieldStart, to - fieldStart);
        handler.end(index, line);
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
