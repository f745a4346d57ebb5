package io.chorus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The first column of a query's rows, as text: for tests that check what the database holds. */
public final class Rows {

    private Rows() {
    }

    public static List<String> of(DataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Polls until the count query answers {@code expected}, for at most 20 seconds, then checks that it does. */
    public static void await(DataSource database, String countQuery, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String count = of(database, countQuery).get(0);
        while (!count.equals(String.valueOf(expected)) && System.nanoTime() < deadline) {
            Inbox.pause();
            count = of(database, countQuery).get(0);
        }
        assertThat(count).as(countQuery).isEqualTo(String.valueOf(expected));
    }
}
