package io.chorus.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A ranking: parallel arrays in leaderboard order. Never changed once built (readers share it). */
public final class Ranking {

    /** One member's row: their id as two longs, and their figures. */
    record Row(long msb, long lsb, long points, int shares, int clicks) {

        long value(Metric metric) {
            return switch (metric) {
                case SHARES -> shares;
                case CLICKS -> clicks;
                case POINTS -> points;
            };
        }

        UUID member() {
            return new UUID(msb, lsb);
        }
    }

    final long version;
    final long builtAt;
    final Comparator<Row> order;
    private final Metric metric;
    private final long[] msb;
    private final long[] lsb;
    private final long[] points;
    private final int[] shares;
    private final int[] clicks;

    Ranking(long version, long builtAt, Metric metric, List<Row> rows) {
        this.version = version;
        this.builtAt = builtAt;
        this.metric = metric;
        // The metric, highest first, then the member id as PostgreSQL compares uuids (unsigned bytes).
        this.order = Comparator.<Row> comparingLong(row -> -row.value(metric))
                .thenComparing(Row::msb, Long::compareUnsigned).thenComparing(Row::lsb, Long::compareUnsigned);
        int n = rows.size();
        msb = new long[n];
        lsb = new long[n];
        points = new long[n];
        shares = new int[n];
        clicks = new int[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            msb[i] = row.msb();
            lsb[i] = row.lsb();
            points[i] = row.points();
            shares[i] = row.shares();
            clicks[i] = row.clicks();
        }
    }

    public int size() {
        return msb.length;
    }

    Row row(int i) {
        return new Row(msb[i], lsb[i], points[i], shares[i], clicks[i]);
    }

    UUID member(int i) {
        return new UUID(msb[i], lsb[i]);
    }

    /** The first {@code limit} rows. */
    List<Row> top(int limit) {
        List<Row> top = new ArrayList<>(Math.min(limit, size()));
        for (int i = 0; i < size() && i < limit; i++) {
            top.add(row(i));
        }
        return top;
    }

    /** How many listed members have more than {@code value} of the metric. */
    public long ahead(long value) {
        int low = 0;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (row(middle).value(metric) > value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
