package io.chorus.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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

    /**
     * A SQL array parameter of one element type ({@code uuid}, {@code text}, {@code int4}, ...): a column of many rows
     * sent at once, for {@code unnest} or {@code = any}.
     */
    public record SqlArray(String type, Object[] values) {
    }

    /**
     * One column of {@code rows} as a SQL array of {@code type}: numbers and ids as they are, anything else (dates,
     * instants as offset times) as its text, which PostgreSQL casts to the column's type.
     */
    public static <T> SqlArray column(String type, List<T> rows, Function<T, Object> column) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null || value instanceof Number || value instanceof UUID ? value : value.toString();
        }
        return new SqlArray(type, values);
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

    /** Reads one row of a streamed answer, typed by the caller; answers false to stop reading. */
    public interface RowReader {
        boolean read(ResultSet row) throws SQLException;
    }

    /**
     * Streams the rows of one statement to {@code reader}, {@code fetchSize} rows at a time, without holding them: for
     * answers of many thousand rows read into compact structures (rankings, timelines).
     */
    public static void each(Connection connection, int fetchSize, String sql, RowReader reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.setFetchSize(fetchSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next() && reader.read(row)) {
                    // the reader took the row
                }
            }
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
     * Runs {@code work} in one transaction of the given isolation level (a {@link Connection} constant), committed, and
     * puts the connection's settings back.
     */
    public static <T> T inTransaction(Connection connection, int isolation, Work<T> work) throws SQLException {
        int before = connection.getTransactionIsolation();
        connection.setTransactionIsolation(isolation);
        try {
            return inTransaction(connection, work);
        } finally {
            connection.setTransactionIsolation(before);
        }
    }

    /**
     * Runs {@code work} in one read-only repeatable-read transaction on the connection (one snapshot), committed, and
     * puts the connection's settings back.
     */
    public static <T> T inReadOnlySnapshot(Connection connection, Work<T> work) throws SQLException {
        return inTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ, () -> {
            update(connection, "set transaction read only");
            return work.run();
        });
    }

    /** One statement run once per row of parameters, sent as one JDBC batch; answers the rows each run changed. */
    public static int[] batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : rows) {
                bind(connection, statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** The one value of a one-row, one-column answer (null when the row holds null). */
    public static Object value(Connection connection, String sql, Object... parameters) throws SQLException {
        return row(connection, sql, parameters)[0];
    }

    /** The first row, if any. */
    public static Optional<Object[]> first(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<Object[]> rows = rows(connection, sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(connection, statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof SqlArray array) {
                statement.setArray(i + 1, connection.createArrayOf(array.type(), array.values()));
            } else if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
