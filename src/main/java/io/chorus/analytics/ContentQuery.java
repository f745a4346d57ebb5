package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Figures;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;
import io.chorus.content.Network;

/**
 * One content item's performance: its shares, clicks and unique visitors, per network and for every day of the range.
 */
final class ContentQuery {

    private ContentQuery() {
    }

    /** Without the title and the earned media value: the item's existence and title are read for every request. */
    static ContentAnalytics run(Connection connection, Scope scope, UUID contentId) throws SQLException {
        List<Object> parameters = new ArrayList<>(
                List.of(scope.organizationId(), contentId, scope.range().from(), scope.range().to()));
        String table = scope.groupId() == null ? "analytics_content_days" : "analytics_share_days";
        List<Object[]> rows = Jdbc.rows(connection,
                "select x.day, x.network, sum(x.shares), sum(x.clicks), sum(x.visitors) from " + table + " x"
                        + " where x.organization_id = ? and x.content_id = ? and x.day between ? and ?"
                        + scope.members("x.member_id", parameters) + " group by 1, 2",
                parameters.toArray());

        Map<String, long[]> networks = new LinkedHashMap<>();
        for (Network network : Network.values()) {
            networks.put(network.id(), new long[3]);
        }
        DaySeries days = new DaySeries(scope.range());
        long[] total = new long[3];
        for (Object[] row : rows) {
            long[] figures = { Columns.number(row[2]), Columns.number(row[3]), Columns.number(row[4]) };
            for (long[] sum : List.of(total, networks.get((String) row[1]), days.of(row[0]))) {
                for (int i = 0; i < 3; i++) {
                    sum[i] += figures[i];
                }
            }
        }
        Map<String, Figures> byNetwork = new LinkedHashMap<>();
        networks.forEach((network, sum) -> byNetwork.put(network, new Figures(sum[0], sum[1], sum[2])));
        return new ContentAnalytics(contentId, null, scope.range().from(), scope.range().to(), scope.zone(),
                scope.groupId(), total[0], total[1], total[2], byNetwork, days.figures(), null);
    }
}
