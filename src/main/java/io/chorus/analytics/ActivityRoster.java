package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.chorus.common.persistence.Jdbc;

/**
 * Who the figures are counted over: the organization's members (ids sorted as PostgreSQL sorts uuids) with whether each
 * is an ambassador and active (accepted, not deactivated), and its groups with their members (positions in the member
 * arrays).
 */
final class ActivityRoster {

    final long[] msb;
    final long[] lsb;
    final byte[] flags;
    final UUID[] groups;
    final String[] groupNames;
    final int[][] groupMembers;

    private ActivityRoster(long[] msb, long[] lsb, byte[] flags, UUID[] groups, String[] groupNames,
            int[][] groupMembers) {
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

    static ActivityRoster read(Connection connection, UUID organization) throws SQLException {
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
            if (i > 0 && ActivityIndex.compare(msb[i - 1], lsb[i - 1], msb[i], lsb[i]) >= 0) {
                throw new IllegalStateException("members out of order");
            }
            flags[i] = (byte) (((boolean) row[1] ? ActivityIndex.AMBASSADOR : 0)
                    | ((boolean) row[2] ? ActivityIndex.ACTIVE : 0));
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
            int slot = ActivityIndex.find(msb, lsb, member.getMostSignificantBits(), member.getLeastSignificantBits());
            if (slot < 0) {
                throw new IllegalStateException("a group member who is not a member");
            }
            slots[g][count[g]++] = slot;
        }
        return new ActivityRoster(msb, lsb, flags, ids, names, slots);
    }
}
