package com.segments.application;

import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code fact_transactions} in a list, for use-case tests: what the JDBC store keeps, without a database. */
final class InMemoryTransactionStore implements TransactionStore {

    private final List<Transaction> rows = new ArrayList<>();
    private final Map<String, Integer> segments = new HashMap<>();
    private List<String> groupNames = List.of();

    @Override
    public synchronized long append(String source, List<String> groupNames, Consumer<Consumer<Transaction>> producer) {
        List<Transaction> added = new ArrayList<>();
        producer.accept(added::add);
        rows.addAll(added);
        this.groupNames = List.copyOf(groupNames);
        return added.size();
    }

    @Override
    public synchronized long read(Consumer<List<String>> groupNames, Consumer<Transaction> sink) {
        groupNames.accept(this.groupNames);
        rows.forEach(sink);
        return rows.size();
    }

    @Override
    public synchronized long assignSegments(Map<String, Integer> segmentByCustomer, int version) {
        segments.putAll(segmentByCustomer);
        return rows.stream().filter(t -> t.customer() != null && segmentByCustomer.containsKey(t.customer())).count();
    }

    @Override
    public synchronized Map<Integer, Long> segmentCounts() {
        Map<Integer, Long> counts = new HashMap<>();
        segments.values().forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }
}
