package io.chorus.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chorus.analytics.AnalyticsViews.Concentration;
import io.chorus.analytics.AnalyticsViews.Members;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.TopContent;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;
import io.chorus.content.Network;

/** The overview: who takes part, what it produced, where the clicks come from and how concentrated they are. */
final class OverviewQuery {

    static final int TOP_CONTENT = 10;
    /** The top ambassadors whose share of clicks the concentration gives: 5% of the active ones, rounded up. */
    static final double TOP_SHARE = 0.05;

    private OverviewQuery() {
    }

    /** Without the earned media value ({@link EarnedMedia} adds it). */
    static Overview run(Connection connection, Scope scope, int minGroupSize) throws SQLException {
        ActivityIndex activity = scope.activity();
        long[] members = activity != null ? activity.ambassadors(scope.groupId()) : members(connection, scope);
        long total = members[0];
        long active = members[1];
        long top = (long) Math.ceil(active * TOP_SHARE);

        Map<String, Long> byNetwork = new LinkedHashMap<>();
        for (Network network : Network.values()) {
            byNetwork.put(network.id(), 0L);
        }
        long shares = 0;
        long clicks = 0;
        long visitors = 0;
        for (Object[] row : Totals.byNetwork(connection, scope)) {
            byNetwork.put((String) row[0], Columns.number(row[2]));
            shares += Columns.number(row[1]);
            clicks += Columns.number(row[2]);
            visitors += Columns.number(row[3]);
        }

        long[] people = activity != null
                ? activity.sharingAndTopClicks(scope.groupId(), scope.range().from(), scope.range().to(), top)
                : sharingAndTopClicks(connection, scope, top);
        long sharing = people[0];
        long topClicks = people[1];
        BigDecimal concentration = top < minGroupSize || clicks == 0 ? null : Rates.of(topClicks, clicks);

        long edited = editedShares(connection, scope);
        return new Overview(scope.range().from(), scope.range().to(), scope.zone(), scope.groupId(),
                new Members(total, active, sharing), Rates.of(sharing, active), shares, clicks, visitors, edited,
                Rates.of(edited, shares), byNetwork, topContent(connection, scope),
                new Concentration(concentration, top), null, 0, Map.of());
    }

    /** Ambassadors in scope: all, and the active ones (accepted their invitation, not deactivated). */
    private static long[] members(Connection connection, Scope scope) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(scope.organizationId());
        Object[] row = Jdbc.row(connection,
                "select count(*), count(*) filter (where m.status = 'active') from members m"
                        + " where m.organization_id = ? and 'ambassador' = any(m.roles)"
                        + scope.members("m.id", parameters),
                parameters.toArray());
        return new long[] { Columns.number(row[0]), Columns.number(row[1]) };
    }

    /**
     * The active ambassadors in scope who shared in the range, and the clicks of the {@code top} of them with the most,
     * from every member's running totals.
     */
    private static long[] sharingAndTopClicks(Connection connection, Scope scope, long top) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String figures = scope.memberFigures(parameters);
        String ambassadors = scope.activeAmbassadors(parameters);
        parameters.add(top);
        Object[] people = Jdbc.row(connection, "with v as materialized (" + figures + "), a as materialized ("
                + ambassadors + "), p as materialized (select v.shares, v.clicks from v join a on a.id = v.member_id)"
                + " select count(*) filter (where shares > 0),"
                + " (select coalesce(sum(clicks), 0) from (select clicks from p order by clicks desc limit ?) t)"
                + " from p", parameters.toArray());
        return new long[] { Columns.number(people[0]), Columns.number(people[1]) };
    }

    /** The shares in scope whose sharer changed the offered message, from the same per-share days as a group's. */
    private static long editedShares(Connection connection, Scope scope) throws SQLException {
        List<Object> parameters = new ArrayList<>(
                List.of(scope.organizationId(), scope.range().from(), scope.range().to()));
        return Columns.number(Jdbc.row(connection, "select coalesce(sum(x.shares), 0) from analytics_share_days x"
                + " join shares s on s.organization_id = x.organization_id and s.id = x.share_id and s.edited"
                + " where x.organization_id = ? and x.day between ? and ?" + scope.members("x.member_id", parameters),
                parameters.toArray())[0]);
    }

    private static List<TopContent> topContent(Connection connection, Scope scope) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(scope.organizationId());
        parameters.add(scope.range().from());
        parameters.add(scope.range().to());
        String table = scope.groupId() == null ? "analytics_content_days" : "analytics_share_days";
        String group = scope.members("x.member_id", parameters);
        parameters.add(TOP_CONTENT);
        parameters.add(scope.organizationId());
        List<TopContent> top = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, "select t.content_id, c.title, t.shares, t.clicks from ("
                + " select x.content_id, sum(x.shares) as shares, sum(x.clicks) as clicks from " + table + " x"
                + " where x.organization_id = ? and x.day between ? and ?" + group
                + " group by x.content_id order by 3 desc, 2 desc, 1 limit ?) t"
                + " join content c on c.organization_id = ? and c.id = t.content_id order by t.clicks desc, t.shares desc, t.content_id",
                parameters.toArray())) {
            top.add(new TopContent((UUID) row[0], (String) row[1], Columns.number(row[2]), Columns.number(row[3])));
        }
        return top;
    }
}
