package com.segments.domain.transaction;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ingested transactions ({@code fact_transactions}), with the segment batch scoring gave each customer. A port: the
 * database is behind it.
 */
public interface TransactionStore {

    /**
     * Appends the transactions {@code producer} hands to its sink, in batches, in one database transaction.
     *
     * @param source     where they came from (stored with each row)
     * @param groupNames names of the transactions' group attributes; a name like {@code bank} fills the bank column,
     *                   the first other one the location column
     * @return rows stored
     */
    long append(String source, List<String> groupNames, Consumer<Consumer<Transaction>> producer);

    /**
     * Streams every stored transaction in insertion order: first the group attribute names, then the rows.
     *
     * @return the number of rows read
     */
    long read(Consumer<List<String>> groupNames, Consumer<Transaction> sink);

    /** Sets {@code customer_segment} (and the model version) on every transaction of the given customers. */
    long assignSegments(Map<String, Integer> segmentByCustomer, int version);

    /** The number of customers per stored segment (null key: not scored yet). */
    Map<Integer, Long> segmentCounts();
}
