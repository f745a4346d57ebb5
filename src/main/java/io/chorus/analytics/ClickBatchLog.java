package io.chorus.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the click writer tells analytics, in the transaction that writes a batch: the batch's id range. The rollup then
 * reads exactly the rows of committed batches it has not counted yet, however the writer threads' commits interleave (a
 * watermark on ids alone would skip a batch that commits after a later one was counted).
 */
public final class ClickBatchLog {

    private ClickBatchLog() {
    }

    /** Notes a batch of click rows, by their ids, on the connection (and in the transaction) that writes them. */
    public static <T> void note(Connection connection, List<T> rows, Function<T, UUID> id) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        UUID first = id.apply(rows.get(0));
        UUID last = first;
        for (T row : rows) {
            UUID candidate = id.apply(row);
            if (compare(candidate, first) < 0) {
                first = candidate;
            }
            if (compare(candidate, last) > 0) {
                last = candidate;
            }
        }
        try (PreparedStatement insert = connection
                .prepareStatement("insert into analytics_click_batches (first_id, last_id) values (?, ?)")) {
            insert.setObject(1, first);
            insert.setObject(2, last);
            insert.executeUpdate();
        }
    }

    /** PostgreSQL's order of uuids: byte by byte, unsigned (UUID.compareTo compares signed halves). */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
