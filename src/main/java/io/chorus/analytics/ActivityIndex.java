package io.chorus.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.chorus.analytics.ParticipationQuery.GroupFigures;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;

/**
 * One organization's member activity, in memory and immutable: for every member, when their lifetime shares and clicks
 * changed ({@link Timelines}), and who counts ({@link Roster}: ambassadors, who is active, the groups). What a member
 * did in a range is two binary searches: the running total at its last day less the one before its first. Read from
 * {@code analytics_member_months}, members, groups and group_memberships, at the {@link Versions} it carries: it
 * answers for a snapshot that shows exactly those versions, and for no other.
 */
final class ActivityIndex {

    /** The rebuild the running totals descend from, the newest rollup pass that changed them, the roster's version. */
    record Versions(long built, long members, long roster) {

        /** The versions the connection's snapshot shows, or null before the organization's aggregates are built. */
        static Versions read(Connection connection, UUID organization) throws SQLException {
            List<Object[]> rows = Jdbc.rows(connection, """
                    select a.members_built, a.members_version,
                           coalesce((select r.version from analytics_roster_versions r
                                     where r.organization_id = a.organization_id), 0)
                    from analytics_organizations a where a.organization_id = ?""", organization);
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = rows.get(0);
            return new Versions(Columns.number(row[0]), Columns.number(row[1]), Columns.number(row[2]));
        }
    }

    private static final int[] NONE = new int[0];
    private static final byte AMBASSADOR = 1;
    private static final byte ACTIVE = 2;

    private final Versions versions;
    private final Timelines timelines;
    private final Roster roster;
    /** Per roster member (same order): their timeline, {@link #NONE} without activity. */
    private final int[][] timelineOf;

    ActivityIndex(Versions versions, Timelines timelines, Roster roster) {
        this.versions = versions;
        this.timelines = timelines;
        this.roster = roster;
        this.timelineOf = new int[roster.size()][];
        for (int slot = 0; slot < timelineOf.length; slot++) {
            int found = timelines.find(roster.msb[slot], roster.lsb[slot]);
            timelineOf[slot] = found < 0 ? NONE : timelines.timeline[found];
        }
    }

    Versions versions() {
        return versions;
    }

    Timelines timelines() {
        return timelines;
    }

    Roster roster() {
        return roster;
    }

    /** Timeline entries held: what the memory budget counts (12 bytes each). */
    long entries() {
        return timelines.entries;
    }

    /** Ambassadors in scope (any status) and the active ones (accepted, not deactivated). */
    long[] ambassadors(UUID group) {
        boolean[] in = roster.scope(group);
        long total = 0;
        long active = 0;
        for (int slot = 0; slot < roster.size(); slot++) {
            if ((in == null || in[slot]) && (roster.flags[slot] & AMBASSADOR) != 0) {
                total++;
                if ((roster.flags[slot] & ACTIVE) != 0) {
                    active++;
                }
            }
        }
        return new long[] { total, active };
    }

    /**
     * The active ambassadors in scope who shared in the range, and the clicks in the range of the {@code top} of them
     * with the most clicks.
     */
    long[] sharingAndTopClicks(UUID group, LocalDate from, LocalDate to, long top) {
        boolean[] in = roster.scope(group);
        int start = (int) from.toEpochDay() - 1;
        int end = (int) to.toEpochDay();
        int[] clicks = new int[roster.size()];
        int counted = 0;
        long sharing = 0;
        for (int slot = 0; slot < roster.size(); slot++) {
            if ((in == null || in[slot]) && roster.flags[slot] == (AMBASSADOR | ACTIVE)) {
                int[] timeline = timelineOf[slot];
                int last = last(timeline, end);
                int before = last(timeline, start);
                if (total(timeline, last, 1) - total(timeline, before, 1) > 0) {
                    sharing++;
                }
                clicks[counted++] = total(timeline, last, 2) - total(timeline, before, 2);
            }
        }
        Arrays.sort(clicks, 0, counted);
        long topClicks = 0;
        for (int i = counted - 1; i >= 0 && i >= counted - top; i--) {
            topClicks += clicks[i];
        }
        return new long[] { sharing, topClicks };
    }

    /**
     * Every group's figures over its members in scope (see {@link ParticipationQuery#byGroup}), and as the last element
     * the "other" fold: the members, counted once, of the groups with fewer active ambassadors than
     * {@code minGroupSize}.
     */
    List<GroupFigures> byGroup(UUID group, LocalDate from, LocalDate to, int minGroupSize) {
        boolean[] in = roster.scope(group);
        int start = (int) from.toEpochDay() - 1;
        int end = (int) to.toEpochDay();
        int[] shares = new int[roster.size()];
        int[] clicks = new int[roster.size()];
        for (int slot = 0; slot < roster.size(); slot++) {
            if (in == null || in[slot]) {
                int[] timeline = timelineOf[slot];
                int last = last(timeline, end);
                int before = last(timeline, start);
                shares[slot] = total(timeline, last, 1) - total(timeline, before, 1);
                clicks[slot] = total(timeline, last, 2) - total(timeline, before, 2);
            }
        }
        List<GroupFigures> rows = new ArrayList<>();
        boolean[] folded = new boolean[roster.size()];
        for (int g = 0; g < roster.groups.length; g++) {
            long[] sums = new long[4];
            for (int slot : roster.groupMembers[g]) {
                if (in == null || in[slot]) {
                    add(sums, slot, shares, clicks);
                }
            }
            if (sums[0] >= minGroupSize) {
                rows.add(new GroupFigures(roster.groups[g], roster.groupNames[g], sums[0], sums[1], sums[2], sums[3]));
            } else {
                for (int slot : roster.groupMembers[g]) {
                    if (in == null || in[slot]) {
                        folded[slot] = true;
                    }
                }
            }
        }
        long[] other = new long[4];
        for (int slot = 0; slot < folded.length; slot++) {
            if (folded[slot]) {
                add(other, slot, shares, clicks);
            }
        }
        rows.add(new GroupFigures(null, null, other[0], other[1], other[2], other[3]));
        return rows;
    }

    /** Adds a member to (active ambassadors, of them sharing, shares, clicks). */
    private void add(long[] sums, int slot, int[] shares, int[] clicks) {
        if (roster.flags[slot] == (AMBASSADOR | ACTIVE)) {
            sums[0]++;
            if (shares[slot] > 0) {
                sums[1]++;
            }
        }
        sums[2] += shares[slot];
        sums[3] += clicks[slot];
    }

    /** Per week (7 days from each Monday given, in order), the active ambassadors in scope who shared in it. */
    long[] sharingByWeek(UUID group, List<LocalDate> mondays) {
        boolean[] in = roster.scope(group);
        long[] sharing = new long[mondays.size()];
        if (mondays.isEmpty()) {
            return sharing;
        }
        int first = (int) mondays.get(0).toEpochDay();
        int last = (int) mondays.get(mondays.size() - 1).toEpochDay() + 6;
        for (int slot = 0; slot < roster.size(); slot++) {
            if ((in != null && !in[slot]) || roster.flags[slot] != (AMBASSADOR | ACTIVE)) {
                continue;
            }
            int[] timeline = timelineOf[slot];
            int n = timeline.length / 3;
            int i = Arrays.binarySearch(timeline, 0, n, first);
            i = i < 0 ? -i - 1 : i;
            int counted = -1;
            for (; i < n && timeline[i] <= last; i++) {
                int before = i == 0 ? 0 : timeline[n + i - 1];
                int week = (timeline[i] - first) / 7;
                if (timeline[n + i] > before && week != counted) {
                    sharing[week]++;
                    counted = week;
                }
            }
        }
        return sharing;
    }

    /** The position of the member's last change on or before {@code day} (an epoch day); -1 if none. */
    private static int last(int[] timeline, int day) {
        int i = Arrays.binarySearch(timeline, 0, timeline.length / 3, day);
        return i < 0 ? -i - 2 : i;
    }

    /** The member's lifetime total (column 1: shares, 2: clicks) as of the change at {@code position}. */
    private static int total(int[] timeline, int position, int column) {
        return position < 0 ? 0 : timeline[column * (timeline.length / 3) + position];
    }

    static int compare(long msbA, long lsbA, long msbB, long lsbB) {
        int byMsb = Long.compareUnsigned(msbA, msbB);
        return byMsb != 0 ? byMsb : Long.compareUnsigned(lsbA, lsbB);
    }

    /** Finds a member in ids sorted as PostgreSQL sorts uuids (unsigned); its position or -1. */
    static int find(long[] msb, long[] lsb, long m, long l) {
        int low = 0;
        int high = msb.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(msb[mid], lsb[mid], m, l);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * Per member (ids sorted as PostgreSQL sorts uuids), the days on which their lifetime shares or clicks changed and
     * the totals from then on, as one int array: n epoch days ascending, then n running share totals, then n running
     * click totals. Arrays are shared between versions: an update copies the references and replaces the members read
     * again.
     */
    static final class Timelines {

        final long[] msb;
        final long[] lsb;
        final int[][] timeline;
        final long entries;

        private Timelines(long[] msb, long[] lsb, int[][] timeline) {
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
        Timelines with(Timelines changed) {
            int total = size() + changed.size();
            long[] m = new long[total];
            long[] l = new long[total];
            int[][] t = new int[total][];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < size() || j < changed.size()) {
                int c = i == size() ? 1
                        : j == changed.size() ? -1 : compare(msb[i], lsb[i], changed.msb[j], changed.lsb[j]);
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
            return new Timelines(Arrays.copyOf(m, k), Arrays.copyOf(l, k), Arrays.copyOf(t, k));
        }

        /**
         * Reads the running totals of the organization's members ({@code only}: an SQL condition on member_id with one
         * organization parameter and one more, or empty for all), or null when they hold more than {@code maxEntries}.
         */
        static Timelines read(Connection connection, UUID organization, String only, Object extra, long maxEntries)
                throws SQLException {
            Builder builder = new Builder();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select member_id, month, shares_before, clicks_before, array_to_string(shares, ','),
                           array_to_string(clicks, ',')
                    from analytics_member_months where organization_id = ?""" + only + " order by member_id, month")) {
                statement.setFetchSize(10_000);
                statement.setObject(1, organization);
                if (!only.isEmpty()) {
                    statement.setObject(2, organization);
                    statement.setObject(3, extra);
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        builder.month((UUID) row.getObject(1), row.getObject(2, LocalDate.class), row.getLong(3),
                                row.getLong(4), row.getString(5), row.getString(6));
                        if (builder.entries > maxEntries) {
                            return null;
                        }
                    }
                }
            }
            return builder.build();
        }
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
                if (member != null && compare(member.getMostSignificantBits(), member.getLeastSignificantBits(),
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
            timelines.add(n == 0 ? NONE : timeline);
        }

        Timelines build() {
            finish();
            member = null;
            long[] msb = new long[ids.size()];
            long[] lsb = new long[ids.size()];
            for (int i = 0; i < msb.length; i++) {
                msb[i] = ids.get(i)[0];
                lsb[i] = ids.get(i)[1];
            }
            return new Timelines(msb, lsb, timelines.toArray(int[][]::new));
        }

        private static int[] parse(String list) {
            if (list == null || list.isEmpty()) {
                return NONE;
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

    /**
     * Who the figures are counted over: the organization's members (ids sorted as PostgreSQL sorts uuids) with whether
     * each is an ambassador and active (accepted, not deactivated), and its groups with their members (positions in the
     * member arrays).
     */
    static final class Roster {

        final long[] msb;
        final long[] lsb;
        final byte[] flags;
        final UUID[] groups;
        final String[] groupNames;
        final int[][] groupMembers;

        private Roster(long[] msb, long[] lsb, byte[] flags, UUID[] groups, String[] groupNames, int[][] groupMembers) {
            this.msb = msb;
            this.lsb = lsb;
            this.flags = flags;
            this.groups = groups;
            this.groupNames = groupNames;
            this.groupMembers = groupMembers;
        }

        int size() {
            return msb.length;
        }

        /** The members of a group, as a flag per member; null (everyone) without a group. */
        boolean[] scope(UUID group) {
            if (group == null) {
                return null;
            }
            boolean[] in = new boolean[size()];
            for (int g = 0; g < groups.length; g++) {
                if (groups[g].equals(group)) {
                    for (int slot : groupMembers[g]) {
                        in[slot] = true;
                    }
                }
            }
            return in;
        }

        static Roster read(Connection connection, UUID organization) throws SQLException {
            List<Object[]> members = Jdbc.rows(connection, """
                    select id, 'ambassador' = any(roles), status = 'active' from members
                    where organization_id = ? order by id""", organization);
            long[] msb = new long[members.size()];
            long[] lsb = new long[members.size()];
            byte[] flags = new byte[members.size()];
            for (int i = 0; i < msb.length; i++) {
                Object[] row = members.get(i);
                UUID id = (UUID) row[0];
                msb[i] = id.getMostSignificantBits();
                lsb[i] = id.getLeastSignificantBits();
                if (i > 0 && compare(msb[i - 1], lsb[i - 1], msb[i], lsb[i]) >= 0) {
                    throw new IllegalStateException("members out of order");
                }
                flags[i] = (byte) (((boolean) row[1] ? AMBASSADOR : 0) | ((boolean) row[2] ? ACTIVE : 0));
            }
            List<Object[]> groups = Jdbc.rows(connection,
                    "select id, name from groups where organization_id = ? order by id", organization);
            UUID[] ids = new UUID[groups.size()];
            String[] names = new String[groups.size()];
            int[][] slots = new int[groups.size()][];
            for (int g = 0; g < ids.length; g++) {
                ids[g] = (UUID) groups.get(g)[0];
                names[g] = (String) groups.get(g)[1];
            }
            List<Object[]> memberships = Jdbc.rows(connection, """
                    select g.position, gm.member_id from group_memberships gm
                    join (select id, (row_number() over (order by id))::integer - 1 as position from groups
                          where organization_id = ?) g on g.id = gm.group_id
                    where gm.organization_id = ? order by 1, 2""", organization, organization);
            int[] count = new int[ids.length];
            for (Object[] row : memberships) {
                count[(Integer) row[0]]++;
            }
            for (int g = 0; g < ids.length; g++) {
                slots[g] = new int[count[g]];
                count[g] = 0;
            }
            for (Object[] row : memberships) {
                int g = (Integer) row[0];
                UUID member = (UUID) row[1];
                int slot = find(msb, lsb, member.getMostSignificantBits(), member.getLeastSignificantBits());
                if (slot < 0) {
                    throw new IllegalStateException("a group member who is not a member");
                }
                slots[g][count[g]++] = slot;
            }
            return new Roster(msb, lsb, flags, ids, names, slots);
        }
    }
}
