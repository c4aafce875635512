package com.segments.adapters.jdbc;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link TransactionStore} must do; each database gets a subclass. */
abstract class TransactionStoreContract {

    private TestDatabases.Database database;
    private ApplicationContext context;
    private TransactionStore store;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() {
        database = database();
        context = ApplicationContext.run(database.properties());
        store = context.getBean(TransactionStore.class);
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    private static Transaction tx(String customer, String day, double amount, String bank, String city) {
        return new Transaction(customer, LocalDate.parse(day).toEpochDay(), amount, 1, "Dining", null,
                new String[] {city, bank}, (customer + day + amount).hashCode());
    }

    @Test
    void storesAndStreamsBackEveryLineInOrderWithItsGroups() {
        long stored = store.append("log.csv", List.of("location", "bank"), sink -> {
            sink.accept(tx("A", "2025-01-01", 10.5, "Bank A", "Lisbon"));
            sink.accept(tx(null, "2025-01-02", 3, "Bank B", "Porto"));
            sink.accept(tx("B", "2025-01-03", -2, "Bank B", "Porto"));
        });
        assertThat(stored).isEqualTo(3);
        List<String> groups = new ArrayList<>();
        List<Transaction> read = new ArrayList<>();
        assertThat(store.read(groups::addAll, read::add)).isEqualTo(3);
        assertThat(groups).containsExactly("bank", "location");
        assertThat(read).extracting(Transaction::customer).containsExactly("A", null, "B");
        assertThat(read.get(0).amount()).isEqualTo(10.5);
        assertThat(read.get(0).day()).isEqualTo(LocalDate.parse("2025-01-01").toEpochDay());
        assertThat(read.get(0).groups()).containsExactly("Bank A", "Lisbon");
        assertThat(read.get(2).lineHash()).isEqualTo(("B2025-01-03-2.0").hashCode());
    }

    @Test
    void aFailingBatchStoresNothing() {
        assertThatThrownBy(() -> store.append("log.csv", List.of(), sink -> {
            sink.accept(tx("A", "2025-01-01", 1, "x", "y"));
            throw new IllegalStateException("the file broke at row 2");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.read(g -> { }, t -> { })).isZero();
    }

    @Test
    void scoringFillsTheSegmentOfEveryTransactionOfACustomer() {
        ModelRepository models = context.getBean(ModelRepository.class);
        int version = models.add(ModelFixtures.twoSegments("log.csv"), Instant.parse("2026-01-01T00:00:00Z"), "test").version();
        store.append("log.csv", List.of(), sink -> {
            sink.accept(tx("A", "2025-01-01", 1, "", ""));
            sink.accept(tx("A", "2025-01-02", 2, "", ""));
            sink.accept(tx("B", "2025-01-02", 2, "", ""));
        });
        Map<String, Integer> segments = new HashMap<>();
        segments.put("A", 1);
        segments.put("B", -1);
        assertThat(store.assignSegments(segments, version)).isEqualTo(3);
        assertThat(store.segmentCounts()).containsEntry(1, 1L).containsEntry(-1, 1L);
    }
}
