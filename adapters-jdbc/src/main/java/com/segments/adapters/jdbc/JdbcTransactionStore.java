package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionStore;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@code fact_transactions} on plain JDBC: bulk work (millions of rows streamed in and out) is done with batched
 * statements and a forward-only cursor on a connection of its own, not through the repository layer.
 */
@Singleton
class JdbcTransactionStore implements TransactionStore {

    private static final int BATCH = 5_000;
    private final DataSource dataSource;

    JdbcTransactionStore(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public long append(String source, List<String> groupNames, Consumer<Consumer<Transaction>> producer) {
        int bankAt = -1;
        int locationAt = -1;
        for (int g = 0; g < groupNames.size(); g++) {
            if (groupNames.get(g).toLowerCase(Locale.ROOT).contains("bank")) {
                bankAt = bankAt < 0 ? g : bankAt;
            } else if (locationAt < 0) {
                locationAt = g;
            }
        }
        int bank = bankAt;
        int location = locationAt;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                long[] count = {0};
                producer.accept(t -> {
                    try {
                        bind(insert, t, source, bank, location, null);
                        insert.addBatch();
                        if (++count[0] % BATCH == 0) {
                            insert.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new StoreFailure(e);
                    }
                });
                insert.executeBatch();
                connection.commit();
                return count[0];
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (StoreFailure e) {
            throw new SegmentsException("storing transactions failed; nothing was stored: " + e.getCause().getMessage());
        } catch (SQLException e) {
            throw new SegmentsException("storing transactions failed; nothing was stored: " + e.getMessage());
        }
    }

    @Override
    public long read(Consumer<List<String>> groupNames, Consumer<Transaction> sink) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            List<String> groups = new ArrayList<>();
            try (PreparedStatement present = connection.prepareStatement("SELECT COUNT(bank), COUNT(location) FROM fact_transactions");
                 ResultSet rs = present.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    groups.add("bank");
                }
                if (rs.getLong(2) > 0) {
                    groups.add("location");
                }
            }
            groupNames.accept(List.copyOf(groups));
            boolean bank = groups.contains("bank");
            boolean location = groups.contains("location");
            long rows = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, txn_date, amount, items, "
                    + "category, invoice, bank, location, line_hash FROM fact_transactions ORDER BY id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String[] values = new String[groups.size()];
                        int g = 0;
                        if (bank) {
                            values[g++] = nullToEmpty(rs.getString(7));
                        }
                        if (location) {
                            values[g] = nullToEmpty(rs.getString(8));
                        }
                        sink.accept(new Transaction(rs.getString(1), rs.getDate(2).toLocalDate().toEpochDay(),
                                rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getString(6), values, rs.getLong(9)));
                        rows++;
                    }
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new SegmentsException("reading fact_transactions failed: " + e.getMessage());
        }
    }

    @Override
    public long assignSegments(Map<String, Integer> segmentByCustomer, int version) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long updated = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE fact_transactions SET customer_segment = ?, model_version = ? WHERE customer_id = ?")) {
                int pending = 0;
                for (Map.Entry<String, Integer> e : segmentByCustomer.entrySet()) {
                    if (e.getValue() == null) {
                        update.setNull(1, Types.INTEGER);
                    } else {
                        update.setInt(1, e.getValue());
                    }
                    update.setInt(2, version);
                    update.setString(3, e.getKey());
                    update.addBatch();
                    if (++pending == BATCH) {
                        updated += sum(update.executeBatch());
                        pending = 0;
                    }
                }
                updated += sum(update.executeBatch());
                connection.commit();
                return updated;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SegmentsException("writing segments to fact_transactions failed; nothing was changed: " + e.getMessage());
        }
    }

    @Override
    public Map<Integer, Long> segmentCounts() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT customer_segment, COUNT(DISTINCT customer_id) "
                     + "FROM fact_transactions WHERE customer_id IS NOT NULL GROUP BY customer_segment ORDER BY customer_segment");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int segment = rs.getInt(1);
                counts.put(rs.wasNull() ? null : segment, rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new SegmentsException("reading fact_transactions failed: " + e.getMessage());
        }
    }

    /** One row of {@code fact_transactions}; {@link #bind} fills it. */
    static final String INSERT = "INSERT INTO fact_transactions (customer_id, txn_date, amount, items, category, "
            + "invoice, location, bank, line_hash, source, transaction_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * @param bank     the position of the bank among the transaction's groups, or -1
     * @param location the position of the location, or -1
     */
    static void bind(PreparedStatement insert, Transaction t, String source, int bank, int location,
                     String transactionId) throws SQLException {
        insert.setString(1, clip(t.customer(), 128));
        insert.setDate(2, Date.valueOf(LocalDate.ofEpochDay(t.day())));
        insert.setDouble(3, t.amount());
        insert.setDouble(4, t.items());
        insert.setString(5, clip(t.category(), 128));
        insert.setString(6, clip(t.invoice(), 128));
        insert.setString(7, location < 0 ? null : clip(t.groups()[location], 256));
        insert.setString(8, bank < 0 ? null : clip(t.groups()[bank], 256));
        insert.setLong(9, t.lineHash());
        insert.setString(10, clip(source, 2048));
        insert.setString(11, transactionId);
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += Math.max(c, 0);
        }
        return total;
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Carries an SQLException out of the producer's callback. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause);
        }
    }
}
