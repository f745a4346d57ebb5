package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.chorus.analytics.AnalyticsViews.DayFigures;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;

/**
 * Shares, clicks and unique visitors in scope, summed over days: the organization's day totals, or for a group the day
 * rows of its members' shares.
 */
final class Totals {

    private Totals() {
    }

    /** (network, shares, clicks, visitors) over the scope's range. */
    static List<Object[]> byNetwork(Connection connection, Scope scope) throws SQLException {
        return sums(connection, scope, "x.network", scope.range().from(), scope.range().to());
    }

    /** Every day of the scope's range with its shares, clicks and visitors. */
    static List<DayFigures> byDay(Connection connection, Scope scope) throws SQLException {
        DaySeries days = new DaySeries(scope.range());
        for (Object[] row : sums(connection, scope, "x.day", scope.range().from(), scope.range().to())) {
            long[] sum = days.of(row[0]);
            for (int i = 0; i < 3; i++) {
                sum[i] = Columns.number(row[i + 1]);
            }
        }
        return days.figures();
    }

    /** (Monday of the week, shares, clicks, visitors) over the weeks from {@code monday} to {@code sunday}. */
    static List<Object[]> byWeek(Connection connection, Scope scope, LocalDate monday, LocalDate sunday)
            throws SQLException {
        return sums(connection, scope, "x.day - (extract(isodow from x.day)::integer - 1)", monday, sunday);
    }

    private static List<Object[]> sums(Connection connection, Scope scope, String key, LocalDate from, LocalDate to)
            throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(scope.organizationId(), from, to));
        String table = scope.groupId() == null ? "analytics_days" : "analytics_share_days";
        return Jdbc.rows(connection,
                "select " + key + ", sum(x.shares), sum(x.clicks), sum(x.visitors) from " + table + " x"
                        + " where x.organization_id = ? and x.day between ? and ?"
                        + scope.members("x.member_id", parameters) + " group by 1",
                parameters.toArray());
    }
}
