package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.chorus.common.persistence.Jdbc;

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
        Jdbc.update(connection, "insert into analytics_click_batches (first_id, last_id) values (?, ?)", first, last);
    }

    /**
     * Noted batches whose id ranges overlap, read back with one range scan of {@code click_events}' primary key: the
     * writers' lanes write the same moments, so each batch's range also holds the other lanes' rows, and reading batch
     * by batch would read every row once per lane. A batch's rows are told apart by their transaction id (a batch is
     * one transaction), {@code batches} as text for {@code ?::text[]::xid[]}.
     */
    record Span(UUID first, UUID last, List<String> batches) {
    }

    /**
     * Takes up to {@code limit} notes, oldest first (deleted in the caller's transaction), merged into spans. Batches
     * far apart in time (one held back by an outage) stay in spans of their own, so that no scan reads what lies
     * between them.
     */
    static List<Span> take(Connection connection, int limit) throws SQLException {
        List<Object[]> notes = Jdbc.rows(connection, """
                delete from analytics_click_batches where id in
                  (select id from analytics_click_batches order by id limit ?)
                returning first_id, last_id, xmin::text""", limit);
        notes.sort((a, b) -> compare((UUID) a[0], (UUID) b[0]));
        List<Span> spans = new ArrayList<>();
        UUID first = null;
        UUID last = null;
        List<String> batches = new ArrayList<>();
        for (Object[] note : notes) {
            if (last != null && compare((UUID) note[0], last) > 0) {
                spans.add(new Span(first, last, batches));
                first = null;
                batches = new ArrayList<>();
            }
            if (first == null) {
                first = (UUID) note[0];
                last = (UUID) note[1];
            } else if (compare((UUID) note[1], last) > 0) {
                last = (UUID) note[1];
            }
            batches.add((String) note[2]);
        }
        if (first != null) {
            spans.add(new Span(first, last, batches));
        }
        return spans;
    }

    /** PostgreSQL's order of uuids: byte by byte, unsigned (UUID.compareTo compares signed halves). */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
