package io.chorus.analytics;

import java.sql.Connection;
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
 * changed ({@link MemberTimelines}), and who counts ({@link ActivityRoster}: ambassadors, who is active, the groups).
 * What a member did in a range is two binary searches: the running total at its last day less the one before its first.
 * Read from {@code analytics_member_months}, members, groups and group_memberships, at the {@link Versions} it carries:
 * it answers for a snapshot that shows exactly those versions, and for no other.
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

    static final int[] NONE = new int[0];
    static final byte AMBASSADOR = 1;
    static final byte ACTIVE = 2;

    private final Versions versions;
    private final MemberTimelines timelines;
    private final ActivityRoster roster;
    /** Per roster member (same order): their timeline, {@link #NONE} without activity. */
    private final int[][] timelineOf;

    ActivityIndex(Versions versions, MemberTimelines timelines, ActivityRoster roster) {
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

    MemberTimelines timelines() {
        return timelines;
    }

    ActivityRoster roster() {
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
}
