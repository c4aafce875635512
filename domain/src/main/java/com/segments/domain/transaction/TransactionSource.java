package com.segments.domain.transaction;

import java.util.List;
import java.util.function.Consumer;

/** A transaction log to aggregate: a file, or the stored transactions. */
public interface TransactionSource {

    /** A name for messages. */
    String name();

    /** Where the rows come from, for the fingerprint. */
    String location();

    /**
     * Reads every transaction in order: first the names of the group attributes (bank, location, ...) the
     * transactions carry, then the transactions.
     *
     * @return a hash of the content read
     * @throws com.segments.domain.table.DataSourceException naming the row and column of a cell that cannot be read
     */
    String read(Consumer<List<String>> groupNames, Consumer<Transaction> transactions);

    /**
     * Reads every transaction in order as {@link TransactionBatch}es: what aggregation uses, since a log of tens of
     * millions of lines is read fastest without an object per line. By default, packs what {@link #read} gives.
     *
     * @param fingerprint whether the hash of the content is wanted: without it a source may skip hashing (hashing a
     *                    file of half a gigabyte is a tenth of reading it) and answer ""
     * @return a hash of the content read, as {@link #read} answers it, or ""
     */
    default String readBatches(Consumer<List<String>> groupNames, Consumer<TransactionBatch> batches,
                               boolean fingerprint) {
        TransactionBatch.Packer packer = new TransactionBatch.Packer(1024, batches);
        String hash = read(groupNames, packer);
        packer.flush();
        return hash;
    }

    /** After a read: how the source found what it read (which column is the customer, the date, ...), and why. */
    default List<String> notes() {
        return List.of();
    }
}
