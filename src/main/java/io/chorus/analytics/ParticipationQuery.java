package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;

/**
 * Participation per group or per week. A row's members are the active ambassadors it covers, sharing those of them who
 * shared in the range, shares and clicks those of all its members' shares. Groups covering fewer active ambassadors
 * than the minimum group size are folded into one "other" row (its members counted once), which is left out when it is
 * small too. Weeks are not folded: each covers every active ambassador in scope.
 */
final class ParticipationQuery {

    static final String OTHER = "other";
    /** Week numbers count from this Monday: week w is bit w % 64 of block w / 64 in analytics_member_weeks. */
    static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

    private ParticipationQuery() {
    }

    /** A group's figures; the "other" fold has no id nor name. */
    record GroupFigures(UUID id, String name, long members, long sharing, long shares, long clicks) {
    }

    static Participation byGroup(Connection connection, Scope scope, int minGroupSize) throws SQLException {
        List<GroupFigures> figures = scope.activity() != null
                ? scope.activity().byGroup(scope.groupId(), scope.range().from(), scope.range().to(), minGroupSize)
                : groupFigures(connection, scope, minGroupSize);
        List<ParticipationRow> rows = new ArrayList<>();
        ParticipationRow other = null;
        for (GroupFigures group : figures) {
            if (group.id() == null) {
                other = row(OTHER, "Other groups", group);
            } else {
                rows.add(row(group.id().toString(), group.name(), group));
            }
        }
        rows.sort(Comparator.comparing((ParticipationRow r) -> r.label().toLowerCase(Locale.ROOT))
                .thenComparing(ParticipationRow::key));
        if (other != null && other.members() >= minGroupSize) {
            rows.add(other);
        }
        return new Participation(scope.range().from(), scope.range().to(), scope.zone(), scope.groupId(), "group",
                rows);
    }

    /** The groups large enough, and then the "other" fold, from the aggregates. */
    private static List<GroupFigures> groupFigures(Connection connection, Scope scope, int minGroupSize)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String figures = scope.memberFigures(parameters);
        String ambassadors = scope.activeAmbassadors(parameters);
        parameters.add(scope.organizationId());
        String inScope = scope.members("gm.member_id", parameters);
        parameters.add(scope.organizationId());
        parameters.add(minGroupSize);
        parameters.add(minGroupSize);
        List<GroupFigures> groups = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, "with v as materialized (" + figures + ")," + " a as materialized ("
                + ambassadors + "),"
                + " r as materialized (select gm.group_id, gm.member_id, a.id is not null as active,"
                + "   coalesce(v.shares, 0) as shares, coalesce(v.clicks, 0) as clicks"
                + "   from group_memberships gm left join a on a.id = gm.member_id"
                + "   left join v on v.member_id = gm.member_id where gm.organization_id = ?" + inScope + "),"
                + " g as materialized (select g.id, g.name, count(r.member_id) filter (where r.active) as members,"
                + "   count(*) filter (where r.active and r.shares > 0) as sharing,"
                + "   coalesce(sum(r.shares), 0) as shares, coalesce(sum(r.clicks), 0) as clicks"
                + "   from groups g left join r on r.group_id = g.id where g.organization_id = ? group by g.id, g.name)"
                + " select g.id, g.name, g.members, g.sharing, g.shares, g.clicks from g where g.members >= ?"
                + " union all select null, null, count(*) filter (where o.active),"
                + "   count(*) filter (where o.active and o.shares > 0), coalesce(sum(o.shares), 0),"
                + "   coalesce(sum(o.clicks), 0)"
                + " from (select distinct r.member_id, r.active, r.shares, r.clicks from r"
                + "   where r.group_id in (select id from g where g.members < ?)) o", parameters.toArray())) {
            groups.add(new GroupFigures((UUID) row[0], (String) row[1], Columns.number(row[2]), Columns.number(row[3]),
                    Columns.number(row[4]), Columns.number(row[5])));
        }
        return groups;
    }

    private static ParticipationRow row(String key, String label, GroupFigures group) {
        return new ParticipationRow(key, label, group.members(), group.sharing(),
                Rates.of(group.sharing(), group.members()), group.shares(), group.clicks());
    }

    /** Whole weeks, Monday to Sunday, from the week of {@code from} to the week of {@code to}. */
    static Participation byWeek(Connection connection, Scope scope) throws SQLException {
        LocalDate first = scope.range().from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = scope.range().to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        Map<LocalDate, Object[]> totals = new HashMap<>();
        for (Object[] row : Totals.byWeek(connection, scope, first, last.plusDays(6))) {
            totals.put(((java.sql.Date) row[0]).toLocalDate(), row);
        }

        long[] sharing = scope.activity() != null ? scope.activity().sharingByWeek(scope.groupId(), weeks)
                : sharingByWeek(connection, scope, weeks);
        long members = activeAmbassadors(connection, scope);

        List<ParticipationRow> rows = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate monday = weeks.get(i);
            Object[] total = totals.getOrDefault(monday, new Object[4]);
            long shared = sharing[i];
            rows.add(new ParticipationRow(monday.toString(),
                    String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    members, shared, Rates.of(shared, members), Columns.number(total[1]), Columns.number(total[2])));
        }
        return new Participation(scope.range().from(), scope.range().to(), scope.zone(), scope.groupId(), "week", rows);
    }

    /** Per week (from each Monday given), the active ambassadors in scope who shared in it, from the aggregates. */
    private static long[] sharingByWeek(Connection connection, Scope scope, List<LocalDate> weeks) throws SQLException {
        LocalDate first = weeks.get(0);
        LocalDate last = weeks.get(weeks.size() - 1);
        List<Object> parameters = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (LocalDate monday : weeks) {
            long week = ChronoUnit.WEEKS.between(FIRST_MONDAY, monday);
            counts.add("count(*) filter (where w.block = ? and (w.weeks >> ?) & 1 = 1)");
            parameters.add((int) (week / 64));
            parameters.add((int) (week % 64));
        }
        String ambassadors = scope.activeAmbassadors(parameters);
        parameters.add(scope.organizationId());
        parameters.add((int) (ChronoUnit.WEEKS.between(FIRST_MONDAY, first) / 64));
        parameters.add((int) (ChronoUnit.WEEKS.between(FIRST_MONDAY, last) / 64));
        // One count per week over one row per ambassador and block of 64 weeks.
        Object[] counted = Jdbc.row(connection,
                "select " + String.join(", ", counts) + " from analytics_member_weeks w join (" + ambassadors
                        + ") a on a.id = w.member_id where w.organization_id = ? and w.block between ? and ?",
                parameters.toArray());
        long[] sharing = new long[weeks.size()];
        for (int i = 0; i < sharing.length; i++) {
            sharing[i] = Columns.number(counted[i]);
        }
        return sharing;
    }

    static long activeAmbassadors(Connection connection, Scope scope) throws SQLException {
        if (scope.activity() != null) {
            return scope.activity().ambassadors(scope.groupId())[1];
        }
        List<Object> parameters = new ArrayList<>();
        return Columns.number(Jdbc.row(connection,
                "select count(*) from (" + scope.activeAmbassadors(parameters) + ") a", parameters.toArray())[0]);
    }
}
