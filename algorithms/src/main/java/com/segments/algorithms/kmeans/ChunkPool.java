package com.segments.algorithms.kmeans;

import com.segments.domain.SegmentsException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per chunk on a fixed number of threads. Every task writes only to its chunk's own slots and callers
 * add those up in chunk order afterwards, so which thread ran which chunk never shows in a result: the same labels
 * and centres on 1 or 4 threads.
 */
final class ChunkPool implements AutoCloseable {

    /** Runs every chunk on the calling thread: what a restart uses when restarts themselves run in parallel. */
    static final ChunkPool SEQUENTIAL = new ChunkPool(1);

    private final int threads;
    private final ExecutorService executor;

    ChunkPool(int threads) {
        this.threads = Math.max(1, threads);
        this.executor = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "kmeans-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /** Calls {@code task} once for each chunk {@code 0 .. chunks - 1}, the calling thread taking part. */
    void forEach(int chunks, IntConsumer task) {
        int helpers = executor == null ? 0 : Math.min(threads, chunks) - 1;
        if (helpers <= 0) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                task.accept(c);
            }
        };
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(executor.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(chunks); // the helpers stop at their next chunk
        }
        for (Future<?> future : futures) {
            failure = await(future, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException await(Future<?> future, RuntimeException failure) {
        try {
            future.get();
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure != null ? failure : new SegmentsException("k-means was interrupted", e);
        } catch (ExecutionException e) {
            if (failure != null) {
                return failure;
            }
            return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
