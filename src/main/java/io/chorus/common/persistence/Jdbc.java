package io.chorus.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC, parameters in order and rows as arrays of columns: for analytics' set-based statements, and for the reads
 * an app makes on every screen, which Hibernate's native queries cost a few hundred microseconds of mapping each. Such
 * SQL names the organization itself, as every native statement does. Instants go in as UTC {@code timestamptz}, and
 * come out as instants; SQL arrays come out as Java arrays.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    public static List<Object[]> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            int columns = row.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (row.next()) {
                Object[] values = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    Object value = row.getObject(i + 1);
                    values[i] = value instanceof java.sql.Array array ? array.getArray()
                            : value instanceof java.sql.Timestamp time ? time.toInstant() : value;
                }
                rows.add(values);
            }
            return rows;
        }
    }

    /** The rows of one statement on a connection of {@code database} (the transaction's, if one is active). */
    public static List<Object[]> rows(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read: " + e.getMessage(), e);
        }
    }

    public static Object[] row(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Object[]> rows = rows(connection, sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one read-committed transaction on the connection, committed, and puts autocommit back. */
    public static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Runs {@code work} in one read-only repeatable-read transaction on the connection (one snapshot), committed, and
     * puts the connection's settings back.
     */
    public static <T> T inReadOnlySnapshot(Connection connection, Work<T> work) throws SQLException {
        int isolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return inTransaction(connection, () -> {
                update(connection, "set transaction read only");
                return work.run();
            });
        } finally {
            connection.setTransactionIsolation(isolation);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof java.util.UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else if (value instanceof Instant instant) {
                    statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
