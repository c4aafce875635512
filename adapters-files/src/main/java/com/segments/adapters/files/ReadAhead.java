package com.segments.adapters.files;

import com.segments.domain.table.Table;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Hands each finished block to the caller's consumer on a thread of its own, so that parsing the next block (on the
 * reading thread) overlaps with what the caller does with this one (scoring and writing it): on two cores a file
 * streams through in about the time of the slower half instead of the sum. Blocks reach the consumer one at a time
 * and in order; at most one waits while the next is parsed, so memory stays at two blocks. A failure on either side
 * stops both and is thrown on the reading thread, as it would be without the hand-off.
 */
final class ReadAhead implements Consumer<Table>, AutoCloseable {

    private final Consumer<Table> consumer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("read-ahead-consumer").factory());
    private Future<?> inFlight;

    ReadAhead(Consumer<Table> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void accept(Table block) {
        awaitInFlight();
        inFlight = worker.submit(() -> consumer.accept(block));
    }

    /** Waits until the consumer has taken every block handed over. */
    void finish() {
        awaitInFlight();
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        Future<?> waiting = inFlight;
        inFlight = null;
        try {
            waiting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.cancel(true);
            throw new CancellationException("reading was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the consumer thread; after a failure of the reading side, waits for the block in flight first. */
    @Override
    public void close() {
        if (inFlight != null) {
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the reading side's own failure is the one to report
            }
            inFlight = null;
        }
        worker.shutdown();
    }
}
