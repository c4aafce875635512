package com.segments.adapters.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A file read as {@code tail -f} reads it: at its end, waits for more bytes instead of ending, so a writer can keep
 * appending lines. It ends when nothing was appended for {@code idleStop} (never, when that is zero or negative, until
 * the thread is interrupted), and fails when the file becomes shorter than what was read (truncated or replaced), since
 * the lines already recorded could otherwise be read again or skipped.
 */
final class TailingInputStream extends InputStream {

    static final Duration POLL = Duration.ofMillis(200);

    private final Path file;
    private final FileChannel channel;
    private final Duration idleStop;
    private final ByteBuffer one = ByteBuffer.allocate(1);
    private long position;

    TailingInputStream(Path file, Duration idleStop) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.idleStop = idleStop;
    }

    @Override
    public int read() throws IOException {
        one.clear();
        int n = read(one);
        return n < 0 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        return read(ByteBuffer.wrap(buffer, offset, length));
    }

    private int read(ByteBuffer into) throws IOException {
        long idleSince = System.nanoTime();
        while (true) {
            int n = channel.read(into, position);
            if (n > 0) {
                position += n;
                return n;
            }
            if (channel.size() < position) {
                throw new IOException(file + " became shorter (" + channel.size() + " bytes) than the " + position
                        + " bytes already read: it was truncated or replaced; start again with a new file");
            }
            if (!idleStop.isZero() && !idleStop.isNegative() && System.nanoTime() - idleSince >= idleStop.toNanos()) {
                return -1;
            }
            pause();
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for more lines");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
