package com.segments.adapters.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A process for {@link KilledOwnerTest}: commits one row at a time into the store at {@code args[0]} as writer
 * {@code args[1]}, printing {@code COMMITTED n} after each commit returns, until killed. A broken connection (the
 * store's owner died) is replaced by a new one.
 */
public final class CommitLoop {

    private CommitLoop() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String writer = args[1];
        int next = 0;
        int failures = 0;
        while (true) {
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                connection.createStatement().execute("CREATE TABLE IF NOT EXISTS commits (writer VARCHAR(10), n INT)");
                connection.setAutoCommit(false);
                while (true) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commits VALUES (?, ?)")) {
                        insert.setString(1, writer);
                        insert.setInt(2, next);
                        insert.executeUpdate();
                    }
                    connection.commit();
                    System.out.println("COMMITTED " + next);
                    System.out.flush();
                    next++;
                    Thread.sleep(10);
                }
            } catch (SQLException e) {
                if (++failures > 200) {
                    throw e;
                }
                System.out.println("RECONNECT " + e.getErrorCode());
                Thread.sleep(100);
            }
        }
    }
}
