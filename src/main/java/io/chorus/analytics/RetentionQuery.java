package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.chorus.analytics.AnalyticsViews.Cohort;
import io.chorus.analytics.AnalyticsViews.Retention;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;

/**
 * Monthly cohorts of ambassadors (whatever their status now) by the day of their first share, for first shares in the
 * range, and how many of each shared again in each of the {@link #WEEKS} weeks after it (week k: days 7k to 7k+6 after
 * their own first share). A week is given once it has ended for every member of the cohort. Cohorts smaller than the
 * minimum group size are folded into one "other" cohort, left out when it is small too.
 */
final class RetentionQuery {

    static final int WEEKS = 12;
    static final String OTHER = "other";

    private RetentionQuery() {
    }

    static Retention run(Connection connection, Scope scope, int minGroupSize) throws SQLException {
        List<Object> parameters = new ArrayList<>(
                List.of(scope.organizationId(), scope.range().from(), scope.range().to()));
        StringBuilder sql = new StringBuilder("select to_char(f.first_day, 'YYYY-MM'), count(*)");
        for (int week = 1; week <= WEEKS; week++) {
            sql.append(", sum((f.weeks >> ").append(week).append(") & 1)");
        }
        sql.append(" from analytics_member_firsts f join members m on m.id = f.member_id")
                .append(" and 'ambassador' = any(m.roles)")
                .append(" where f.organization_id = ? and f.first_day between ? and ?")
                .append(scope.members("f.member_id", parameters)).append(" group by 1 order by 1");

        List<Cohort> cohorts = new ArrayList<>();
        long otherMembers = 0;
        long[] otherActive = new long[WEEKS];
        int otherWeeks = WEEKS;
        for (Object[] row : Jdbc.rows(connection, sql.toString(), parameters.toArray())) {
            String month = (String) row[0];
            long members = Columns.number(row[1]);
            int weeks = weeksEnded(YearMonth.parse(month), scope);
            if (members >= minGroupSize) {
                List<Long> active = new ArrayList<>();
                for (int week = 0; week < weeks; week++) {
                    active.add(Columns.number(row[2 + week]));
                }
                cohorts.add(new Cohort(month, members, active));
            } else {
                otherMembers += members;
                otherWeeks = Math.min(otherWeeks, weeks);
                for (int week = 0; week < WEEKS; week++) {
                    otherActive[week] += Columns.number(row[2 + week]);
                }
            }
        }
        if (otherMembers >= minGroupSize) {
            List<Long> active = new ArrayList<>();
            for (int week = 0; week < otherWeeks; week++) {
                active.add(otherActive[week]);
            }
            cohorts.add(new Cohort(OTHER, otherMembers, active));
        }
        return new Retention(scope.range().from(), scope.range().to(), scope.zone(), scope.groupId(), WEEKS, cohorts);
    }

    /** The weeks after a first share that have ended (before today) for every member of the month's cohort. */
    static int weeksEnded(YearMonth cohort, Scope scope) {
        LocalDate lastFirstShare = cohort.atEndOfMonth().isAfter(scope.range().to()) ? scope.range().to()
                : cohort.atEndOfMonth();
        long days = ChronoUnit.DAYS.between(lastFirstShare, scope.today());
        return (int) Math.max(0, Math.min(WEEKS, Math.floorDiv(days - 7, 7)));
    }
}
