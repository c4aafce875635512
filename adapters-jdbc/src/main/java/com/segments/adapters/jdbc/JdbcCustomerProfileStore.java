package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.SegmentMove;
import com.segments.domain.transaction.Transaction;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code customer_profile}, {@code fact_transactions} and {@code segment_move} on plain JDBC, for PostgreSQL and H2
 * alike. A transaction is recorded in one database transaction that holds the customer's row lock
 * (taken by an {@code UPDATE} of its row version) from before its transaction id is checked until the profile and the move are
 * written: transactions of one customer are applied one at a time, in the order of their {@code fact_transactions}
 * ids, which is the order batch aggregation reads them in.
 */
@Singleton
class JdbcCustomerProfileStore implements CustomerProfileStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "customer_id, activity, segment, version, as_of, changed_at, updated_at, row_version";

    private final DataSource dataSource;

    JdbcCustomerProfileStore(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public Recorded record(String transactionId, Transaction transaction, String source, Instant at, Change change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return recordOnce(transactionId, transaction, source, at, change);
            } catch (SQLException e) {
                // Two first transactions of a new customer, or one id sent for two customers at once: the loser
                // retries once. A lock wait that timed out or a deadlock (many transactions of one customer at once
                // on a busy machine; H2 waits one second by default) rolled everything back: retried after a short,
                // random pause, and when it keeps happening the store is busy (503), not the request wrong (400).
                boolean unique = UNIQUE_VIOLATION.equals(e.getSQLState());
                boolean contention = contention(e);
                if (unique && attempt < 2 || contention && attempt < CONTENTION_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                if (contention) {
                    throw new IllegalStateException("recording transaction '" + transactionId + "' waited too long for "
                            + "customer '" + transaction.customer() + "' (" + attempt + " attempts); nothing was stored", e);
                }
                throw failure(transactionId, e);
            }
        }
    }

    /** Attempts at a transaction that meets lock timeouts or deadlocks before the store is called busy. */
    static final int CONTENTION_ATTEMPTS = 8;

    /** A lock wait that timed out, a deadlock or a serialization failure (H2 and PostgreSQL SQL states). */
    static boolean contention(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a transaction; nothing was stored", interrupted);
        }
    }

    private static SegmentsException failure(String transactionId, SQLException e) {
        return new SegmentsException("recording transaction '" + transactionId + "' failed; nothing was stored: "
                + e.getMessage());
    }

    private Recorded recordOnce(String transactionId, Transaction t, String source, Instant at, Change change)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoredProfile before = lock(connection, t.customer(), at);
                String owner = owner(connection, transactionId);
                if (owner != null) {
                    connection.rollback(); // nothing was changed but the lock row of a new customer
                    if (!owner.equals(t.customer())) {
                        throw new SegmentsException("transaction id '" + transactionId + "' was already used for "
                                + "another customer; a transaction id must be unique");
                    }
                    return new Recorded(before, true, before.segment()); // as stored: the lock is held
                }
                try (PreparedStatement insert = connection.prepareStatement(JdbcTransactionStore.INSERT)) {
                    JdbcTransactionStore.bind(insert, t, source, GROUPS.indexOf("bank"), GROUPS.indexOf("location"),
                            transactionId);
                    insert.executeUpdate();
                }
                Outcome outcome = change.apply(before, latestDay(connection).orElse(LocalDate.ofEpochDay(t.day())));
                StoredProfile after = write(connection, before, outcome, at, false);
                if (after == null) { // cannot happen while the row lock is held; refuse rather than lose an update
                    throw new SQLException("the profile of customer '" + t.customer() + "' changed while locked");
                }
                if (after.segment() != null && !after.segment().equals(before.segment())) {
                    move(connection, t.customer(), before.segment(), after, at, SegmentMove.Cause.TRANSACTION);
                }
                connection.commit();
                return new Recorded(after, false, before.segment());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The customer's profile, locked until the end of the transaction; an empty one is made for a new customer. */
    private static StoredProfile lock(Connection connection, String customer, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_profile (customer_id, activity, "
                + "updated_at, row_version) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            insert.setString(1, customer);
            insert.setBytes(2, new CustomerActivity().toBytes());
            insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        // The lock is taken by an UPDATE, not by SELECT ... FOR UPDATE: both databases make an UPDATE wait for the
        // row's lock and then apply it to the latest committed row, whereas H2's FOR UPDATE can return the row as
        // it was before the wait (a lost update the concurrency test caught). The SELECT then reads our own write.
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE customer_profile SET row_version = row_version + 1 WHERE customer_id = ?")) {
            bump.setString(1, customer);
            if (bump.executeUpdate() != 1) {
                throw new SQLException("the profile of customer '" + customer + "' vanished while being locked");
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM customer_profile WHERE customer_id = ?")) {
            select.setString(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the profile of customer '" + customer + "' vanished while being locked");
                }
                return profile(rs);
            }
        }
    }

    private static String owner(Connection connection, String transactionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id FROM fact_transactions WHERE transaction_id = ?")) {
            select.setString(1, transactionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Writes the outcome if the row still has {@code before}'s row version; {@code bump} increments that version
     * (a transaction's lock already did).
     *
     * @return the profile written, or null when the row had changed
     */
    private static StoredProfile write(Connection connection, StoredProfile before, Outcome outcome, Instant at,
                                       boolean bump) throws SQLException {
        boolean changed = outcome.segment() != null && !outcome.segment().equals(before.segment());
        Instant changedAt = changed ? at : before.changedAt();
        try (PreparedStatement update = connection.prepareStatement("UPDATE customer_profile SET activity = ?, segment = ?, "
                + "version = ?, as_of = ?, changed_at = ?, updated_at = ?, row_version = row_version + " + (bump ? 1 : 0) + " "
                + "WHERE customer_id = ? AND row_version = ?")) {
            update.setBytes(1, outcome.activity().toBytes());
            setInteger(update, 2, outcome.segment() != null ? outcome.segment() : before.segment());
            setInteger(update, 3, outcome.segment() != null ? outcome.version() : before.version());
            LocalDate asOf = outcome.segment() != null ? outcome.asOf() : before.asOf();
            update.setDate(4, asOf == null ? null : Date.valueOf(asOf));
            update.setObject(5, changedAt == null ? null : OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC));
            update.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setString(7, before.customer());
            update.setLong(8, before.rowVersion());
            if (update.executeUpdate() != 1) {
                return null;
            }
        }
        return new StoredProfile(before.customer(), outcome.activity(),
                outcome.segment() != null ? outcome.segment() : before.segment(),
                outcome.segment() != null ? outcome.version() : before.version(),
                outcome.segment() != null ? outcome.asOf() : before.asOf(), changedAt, at,
                before.rowVersion() + (bump ? 1 : 0));
    }

    private static void move(Connection connection, String customer, Integer from, StoredProfile after, Instant at,
                             SegmentMove.Cause cause) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment_move (customer_id, from_segment, "
                + "to_segment, version, moved_at, cause) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, customer);
            setInteger(insert, 2, from);
            insert.setInt(3, after.segment());
            insert.setInt(4, after.version());
            insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(6, cause.word());
            insert.executeUpdate();
        }
    }

    private static Optional<LocalDate> latestDay(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(txn_date) FROM fact_transactions");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            Date day = rs.getDate(1);
            return day == null ? Optional.empty() : Optional.of(day.toLocalDate());
        }
    }

    @Override
    public Optional<LocalDate> latestDay() {
        try (Connection connection = dataSource.getConnection()) {
            return latestDay(connection);
        } catch (SQLException e) {
            throw new SegmentsException("reading fact_transactions failed: " + e.getMessage());
        }
    }

    @Override
    public Optional<StoredProfile> find(String customer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM customer_profile WHERE customer_id = ?")) {
            select.setString(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SegmentsException("reading customer_profile failed: " + e.getMessage());
        }
    }

    @Override
    public List<StoredProfile> page(String after, int limit) {
        return profiles("WHERE customer_id > ? ORDER BY customer_id LIMIT ?", select -> {
            select.setString(1, after);
            select.setInt(2, limit);
        });
    }

    @Override
    public List<StoredProfile> scoredByOtherVersions(int version, int limit) {
        return profiles("WHERE segment IS NOT NULL AND version <> ? ORDER BY customer_id LIMIT ?", select -> {
            select.setInt(1, version);
            select.setInt(2, limit);
        });
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** The stored profiles a query over customer_profile selects ({@code where}: its condition, order and limit). */
    private List<StoredProfile> profiles(String where, Parameters parameters) {
        List<StoredProfile> page = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM customer_profile "
                     + where)) {
            parameters.set(select);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    page.add(profile(rs));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new SegmentsException("reading customer_profile failed: " + e.getMessage());
        }
    }

    @Override
    public ScoredCount scoredCount(int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(segment), "
                     + "COALESCE(SUM(CASE WHEN version = ? THEN 1 ELSE 0 END), 0) FROM customer_profile")) {
            select.setInt(1, version);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new ScoredCount(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new SegmentsException("reading customer_profile failed: " + e.getMessage());
        }
    }

    @Override
    public boolean rescore(StoredProfile read, Outcome outcome, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoredProfile after = write(connection, read, outcome, at, true);
                if (after == null) {
                    connection.rollback();
                    return false;
                }
                if (after.segment() != null && !after.segment().equals(read.segment())) {
                    move(connection, read.customer(), read.segment(), after, at, SegmentMove.Cause.MODEL);
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SegmentsException("re-scoring customer '" + read.customer() + "' failed: " + e.getMessage());
        }
    }

    @Override
    public List<SegmentMove> moves(Instant since, Integer to, int limit) {
        List<SegmentMove> moves = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, customer_id, from_segment, to_segment, "
                     + "version, moved_at, cause FROM segment_move WHERE moved_at >= ?"
                     + (to == null ? "" : " AND to_segment = ?") + " ORDER BY moved_at, id LIMIT ?")) {
            int i = 1;
            select.setObject(i++, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            if (to != null) {
                select.setInt(i++, to);
            }
            select.setInt(i, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int from = rs.getInt(3);
                    Integer fromSegment = rs.wasNull() ? null : from;
                    moves.add(new SegmentMove(rs.getLong(1), rs.getString(2), fromSegment, rs.getInt(4), rs.getInt(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), SegmentMove.Cause.ofWord(rs.getString(7))));
                }
            }
            return moves;
        } catch (SQLException e) {
            throw new SegmentsException("reading segment_move failed: " + e.getMessage());
        }
    }

    private static StoredProfile profile(ResultSet rs) throws SQLException {
        CustomerActivity activity;
        try {
            activity = CustomerActivity.fromBytes(rs.getBytes(2));
        } catch (IllegalArgumentException e) {
            throw new SegmentsException("the stored profile of customer '" + rs.getString(1) + "' cannot be read: "
                    + e.getMessage());
        }
        int segment = rs.getInt(3);
        Integer seg = rs.wasNull() ? null : segment;
        int version = rs.getInt(4);
        Integer ver = rs.wasNull() ? null : version;
        Date asOf = rs.getDate(5);
        OffsetDateTime changed = rs.getObject(6, OffsetDateTime.class);
        return new StoredProfile(rs.getString(1), activity, seg, ver, asOf == null ? null : asOf.toLocalDate(),
                changed == null ? null : changed.toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getLong(8));
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
