package com.segments.algorithms.hdbscan;

import com.segments.domain.cluster.FitContext;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs blocks of rows on a fixed number of threads, checking for cancellation before every block. Each block writes
 * only its own rows' slots, so which thread ran which block never shows in a result.
 */
final class Workers implements AutoCloseable {

    static final int BLOCK = 1024;

    private final ForkJoinPool pool;
    private final FitContext context;

    Workers(int threads, FitContext context) {
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        this.context = context;
    }

    /** Calls {@code block} for every block {@code 0 .. ceil(rows / BLOCK) - 1}; rows of block b start at b * BLOCK. */
    void forEachBlock(int rows, IntConsumer block) {
        int blocks = (rows + BLOCK - 1) / BLOCK;
        IntConsumer checked = b -> {
            context.checkCancelled();
            block.accept(b);
        };
        if (pool == null || blocks < 2) {
            for (int b = 0; b < blocks; b++) {
                checked.accept(b);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(checked)).join();
    }

    void checkCancelled() {
        context.checkCancelled();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
