package io.chorus.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whose figures and which days: an organization, or the members of one of its groups, over a range of days in the time
 * zone the aggregates were built in. {@code carried} is the newest month of the member running totals (null before the
 * first rollup). {@code activity}: the organization's member activity in memory at exactly this snapshot's versions, to
 * be used instead of the per-member statements below; null when there is none (they answer).
 */
record Scope(UUID organizationId, UUID groupId, String zone, LocalDate carried, LocalDate today, AnalyticsRange range,
        ActivityIndex activity) {

    /** An SQL condition on a {@code member_id} column: the group's members (nothing for the whole organization). */
    String members(String column, List<Object> parameters) {
        if (groupId == null) {
            return "";
        }
        parameters.add(organizationId);
        parameters.add(groupId);
        return " and " + column + " in (select gm.member_id from group_memberships gm"
                + " where gm.organization_id = ? and gm.group_id = ?)";
    }

    /** The active ambassadors in scope (an SQL select of their ids). */
    String activeAmbassadors(List<Object> parameters) {
        parameters.add(organizationId);
        return "select m.id from members m where m.organization_id = ? and 'ambassador' = any(m.roles)"
                + " and m.status = 'active'" + members("m.id", parameters);
    }

    /**
     * Per member in scope with running totals: shares and clicks of the range, as an SQL select of (member_id, shares,
     * clicks): the running total at the range's last day less the one at the day before its first.
     */
    String memberFigures(List<Object> parameters) {
        if (carried == null) {
            return "select null::uuid as member_id, 0::bigint as shares, 0::bigint as clicks where false";
        }
        List<Object> end = new ArrayList<>();
        List<Object> start = new ArrayList<>();
        String sql = "select e.member_id, e.shares - coalesce(s.shares, 0) as shares,"
                + " e.clicks - coalesce(s.clicks, 0) as clicks from (" + runningTotals(range.to(), end) + ") e"
                + " left join (" + runningTotals(range.from().minusDays(1), start) + ") s"
                + " on s.member_id = e.member_id";
        parameters.addAll(end);
        parameters.addAll(start);
        return sql;
    }

    /** Every member's running totals at the end of {@code day} (a month not carried yet: its last carried month's). */
    private String runningTotals(LocalDate day, List<Object> parameters) {
        LocalDate month = day.withDayOfMonth(1);
        int dayOfMonth = day.getDayOfMonth();
        if (month.isAfter(carried)) {
            month = carried;
            dayOfMonth = 31;
        }
        parameters.add(dayOfMonth);
        parameters.add(dayOfMonth);
        parameters.add(organizationId);
        parameters.add(month);
        // offset 0 keeps the two sides apart, so that the join holds three numbers per member rather than the arrays.
        return "select member_id, shares_before + coalesce(shares[least(?, cardinality(shares))], 0) as shares,"
                + " clicks_before + coalesce(clicks[least(?, cardinality(clicks))], 0) as clicks"
                + " from analytics_member_months where organization_id = ? and month = ?"
                + members("member_id", parameters) + " offset 0";
    }
}
