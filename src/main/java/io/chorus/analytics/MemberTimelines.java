package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.chorus.common.persistence.Jdbc;

/**
 * Per member (ids sorted as PostgreSQL sorts uuids), the days on which their lifetime shares or clicks changed and the
 * totals from then on, as one int array: n epoch days ascending, then n running share totals, then n running click
 * totals. Arrays are shared between versions: an update copies the references and replaces the members read again.
 */
final class MemberTimelines {

    final long[] msb;
    final long[] lsb;
    final int[][] timeline;
    final long entries;

    private MemberTimelines(long[] msb, long[] lsb, int[][] timeline) {
        this.msb = msb;
        this.lsb = lsb;
        this.timeline = timeline;
        long sum = 0;
        for (int[] t : timeline) {
            sum += t.length / 3;
        }
        this.entries = sum;
    }

    int size() {
        return msb.length;
    }

    int find(long m, long l) {
        return ActivityIndex.find(msb, lsb, m, l);
    }

    /** These timelines with {@code changed}'s members replacing (or joining) theirs. */
    MemberTimelines with(MemberTimelines changed) {
        int total = size() + changed.size();
        long[] m = new long[total];
        long[] l = new long[total];
        int[][] t = new int[total][];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size() || j < changed.size()) {
            int c = i == size() ? 1
                    : j == changed.size() ? -1 : ActivityIndex.compare(msb[i], lsb[i], changed.msb[j], changed.lsb[j]);
            if (c < 0) {
                m[k] = msb[i];
                l[k] = lsb[i];
                t[k++] = timeline[i++];
            } else {
                m[k] = changed.msb[j];
                l[k] = changed.lsb[j];
                t[k++] = changed.timeline[j++];
                if (c == 0) {
                    i++;
                }
            }
        }
        return new MemberTimelines(Arrays.copyOf(m, k), Arrays.copyOf(l, k), Arrays.copyOf(t, k));
    }

    /**
     * Reads the running totals of the organization's members ({@code only}: an SQL condition on member_id with one
     * organization parameter and one more, or empty for all), or null when they hold more than {@code maxEntries}.
     */
    static MemberTimelines read(Connection connection, UUID organization, String only, Object extra, long maxEntries)
            throws SQLException {
        Builder builder = new Builder();
        Object[] parameters = only.isEmpty() ? new Object[] { organization }
                : new Object[] { organization, organization, extra };
        Jdbc.each(connection, 10_000, """
                select member_id, month, shares_before, clicks_before, array_to_string(shares, ','),
                       array_to_string(clicks, ',')
                from analytics_member_months where organization_id = ?""" + only + " order by member_id, month",
                row -> {
                    builder.month((UUID) row.getObject(1), row.getObject(2, LocalDate.class), row.getLong(3),
                            row.getLong(4), row.getString(5), row.getString(6));
                    return builder.entries <= maxEntries;
                }, parameters);
        return builder.entries > maxEntries ? null : builder.build();
    }

    /** Turns a member's months, in order, into their timeline. */
    private static final class Builder {

        private final List<long[]> ids = new ArrayList<>();
        private final List<int[]> timelines = new ArrayList<>();
        private UUID member;
        private int[] days = new int[64];
        private int[] shares = new int[64];
        private int[] clicks = new int[64];
        private int n;
        private long lastShares;
        private long lastClicks;
        long entries;

        void month(UUID id, LocalDate month, long sharesBefore, long clicksBefore, String monthShares,
                String monthClicks) {
            if (!id.equals(member)) {
                finish();
                if (member != null
                        && ActivityIndex.compare(member.getMostSignificantBits(), member.getLeastSignificantBits(),
                                id.getMostSignificantBits(), id.getLeastSignificantBits()) >= 0) {
                    throw new IllegalStateException("members out of order");
                }
                member = id;
                n = 0;
                lastShares = 0;
                lastClicks = 0;
            }
            int[] s = parse(monthShares);
            int[] c = parse(monthClicks);
            int first = (int) month.toEpochDay();
            int length = Math.max(1, Math.max(s.length, c.length));
            for (int d = 0; d < length; d++) {
                long totalShares = sharesBefore + (s.length == 0 ? 0 : s[Math.min(d, s.length - 1)]);
                long totalClicks = clicksBefore + (c.length == 0 ? 0 : c[Math.min(d, c.length - 1)]);
                if (totalShares != lastShares || totalClicks != lastClicks) {
                    if (totalShares > Integer.MAX_VALUE || totalClicks > Integer.MAX_VALUE) {
                        throw new IllegalStateException("a member's running totals exceed an int");
                    }
                    add(first + d, (int) totalShares, (int) totalClicks);
                    lastShares = totalShares;
                    lastClicks = totalClicks;
                }
            }
        }

        private void add(int day, int totalShares, int totalClicks) {
            if (n == days.length) {
                days = Arrays.copyOf(days, n * 2);
                shares = Arrays.copyOf(shares, n * 2);
                clicks = Arrays.copyOf(clicks, n * 2);
            }
            days[n] = day;
            shares[n] = totalShares;
            clicks[n] = totalClicks;
            n++;
            entries++;
        }

        private void finish() {
            if (member == null) {
                return;
            }
            int[] timeline = new int[3 * n];
            System.arraycopy(days, 0, timeline, 0, n);
            System.arraycopy(shares, 0, timeline, n, n);
            System.arraycopy(clicks, 0, timeline, 2 * n, n);
            ids.add(new long[] { member.getMostSignificantBits(), member.getLeastSignificantBits() });
            timelines.add(n == 0 ? ActivityIndex.NONE : timeline);
        }

        MemberTimelines build() {
            finish();
            member = null;
            long[] msb = new long[ids.size()];
            long[] lsb = new long[ids.size()];
            for (int i = 0; i < msb.length; i++) {
                msb[i] = ids.get(i)[0];
                lsb[i] = ids.get(i)[1];
            }
            return new MemberTimelines(msb, lsb, timelines.toArray(int[][]::new));
        }

        private static int[] parse(String list) {
            if (list == null || list.isEmpty()) {
                return ActivityIndex.NONE;
            }
            int count = 1;
            for (int i = 0; i < list.length(); i++) {
                if (list.charAt(i) == ',') {
                    count++;
                }
            }
            int[] values = new int[count];
            int value = 0;
            int k = 0;
            boolean negative = false;
            for (int i = 0; i < list.length(); i++) {
                char ch = list.charAt(i);
                if (ch == ',') {
                    values[k++] = negative ? -value : value;
                    value = 0;
                    negative = false;
                } else if (ch == '-') {
                    negative = true;
                } else {
                    value = value * 10 + (ch - '0');
                }
            }
            values[k] = negative ? -value : value;
            return values;
        }
    }
}
