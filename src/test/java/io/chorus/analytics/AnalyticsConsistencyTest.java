package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.FIREFOX;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.DayFigures;
import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.common.tenant.AsOrganization;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every figure the API gives equals the same figure computed with plain SQL from the raw rows (shares, click_events,
 * members, group_memberships), over several ranges. The history is made through the API (shares, clicks through the
 * redirect), then spread over the past 100 days by moving its raw rows back in time (cheaper than making it at 100
 * instants of the service's clock), and the organization's time zone is changed, which makes the rollup rebuild every
 * aggregate from the raw rows. New traffic after the rebuild is then rolled up incrementally on top.
 */
@QuarkusTest
class AnalyticsConsistencyTest {

    static final String ZONE = "Asia/Kolkata"; // +05:30: days do not start on a UTC hour

    @Inject
    DataSource database;

    @Inject
    AnalyticsService analytics;

    @Test
    void everyFigureIsReproducibleFromTheRawRows() throws Exception {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Person curator = org.member("curator");
        String north = org.group("North", "location");
        String south = org.group("South", "location");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            people.add(org.member(List.of(i < 6 ? north : south), "ambassador"));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(Contents.published(curator.token(), Contents.body("History " + i)));
        }
        Random random = new Random(42);
        List<String> networks = List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email");
        int shares = 0;
        int clicks = 0;
        for (int p = 0; p < people.size(); p++) {
            int count = 1 + random.nextInt(5);
            for (int s = 0; s < count; s++) {
                Share shared = share(people.get(p), items.get(random.nextInt(items.size())), networks.get(s));
                shares++;
                int visitors = random.nextInt(4);
                for (int v = 0; v < visitors; v++) {
                    String who = visitor();
                    int times = 1 + random.nextInt(2);
                    for (int t = 0; t < times; t++) {
                        click(shared, who, v % 2 == 0 ? CHROME : FIREFOX);
                        clicks++;
                    }
                }
            }
        }
        LocalDate utc = Time.today(ZoneOffset.UTC);
        Traffic.awaitOverview(analyst.token(), "?from=" + utc.minusDays(1) + "&to=" + utc.plusDays(1), shares, clicks);

        Traffic.spreadOverPastDays(database, org.id());
        Api.as(org.admin().token()).body(Map.of("timeZone", ZONE, "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> ZONE.equals(o.getString("timeZone")));

        // More traffic now, on top of the rebuilt aggregates, and a member who leaves.
        Share late = share(people.get(0), items.get(0), "email"); // person 0 used at most the first five networks
        click(late, visitor(), CHROME);
        click(late, visitor(), FIREFOX);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", people.get(8).id()).then().statusCode(200);
        LocalDate today = Time.today(ZoneId.of(ZONE));
        Traffic.awaitOverview(analyst.token(), "?from=" + today + "&to=" + today, 1, 2);

        SoftAssertions soft = new SoftAssertions();
        for (LocalDate[] range : List.of(new LocalDate[] { today.minusDays(120), today },
                new LocalDate[] { today.minusDays(45), today.minusDays(20) },
                new LocalDate[] { today.minusDays(89), today.minusDays(61) },
                new LocalDate[] { today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1).minusDays(1) },
                new LocalDate[] { today, today })) {
            compare(soft, org, analyst, range[0], range[1], null);
            compare(soft, org, analyst, range[0], range[1], north);
        }
        soft.assertAll();
    }

    private void compare(SoftAssertions soft, Org org, Person analyst, LocalDate from, LocalDate to, String group)
            throws SQLException {
        String query = "?from=" + from + "&to=" + to + (group == null ? "" : "&groupId=" + group);
        String what = query + ": ";
        String members = group == null ? ""
                : " and s.member_id in (select member_id from group_memberships where group_id = '" + group + "')";
        String inRange = " between '" + from + "' and '" + to + "'";
        String clicksIn = "from click_events c join shares s on s.id = c.share_id where s.organization_id = '"
                + org.id() + "' and not c.robot and not c.self and (c.at at time zone '" + ZONE + "')::date" + inRange
                + members;
        String sharesIn = "from shares s where s.organization_id = '" + org.id() + "' and (s.created_at at time zone '"
                + ZONE + "')::date" + inRange + members;
        String ambassadors = "from members m where m.organization_id = '" + org.id()
                + "' and 'ambassador' = any(m.roles)" + (group == null ? ""
                        : " and m.id in (select member_id from group_memberships where group_id = '" + group + "')");

        JsonTree overview = JsonTree
                .of(Api.as(analyst.token()).get("/api/v1/analytics/overview" + query).then().statusCode(200).extract());
        soft.assertThat(overview.getLong("shares")).as(what + "shares").isEqualTo(count("select count(*) " + sharesIn));
        soft.assertThat(overview.getLong("clicks")).as(what + "clicks").isEqualTo(count("select count(*) " + clicksIn));
        soft.assertThat(overview.getLong("uniqueVisitors")).as(what + "unique visitors")
                .isEqualTo(count("select count(*) from (select distinct c.share_id, c.visitor_id, (c.at at time zone '"
                        + ZONE + "')::date " + clicksIn + ") v"));
        soft.assertThat(overview.getLong("members.total")).as(what + "members")
                .isEqualTo(count("select count(*) " + ambassadors));
        soft.assertThat(overview.getLong("members.active")).as(what + "active")
                .isEqualTo(count("select count(*) " + ambassadors + " and m.status <> 'deactivated'"));
        soft.assertThat(overview.getLong("members.sharing")).as(what + "sharing").isEqualTo(
                count("select count(*) " + ambassadors + " and m.status <> 'deactivated' and exists (select 1 "
                        + sharesIn + " and s.member_id = m.id)"));
        Map<String, Long> byNetwork = new HashMap<>();
        for (String network : List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email")) {
            byNetwork.put(network, count("select count(*) " + clicksIn + " and s.network = '" + network + "'"));
        }
        soft.assertThat(overview.getMap("clicksByNetwork", String.class, Long.class)).as(what + "by network")
                .isEqualTo(byNetwork);
        List<String> top = strings("select x.content_id || ':' || sum(x.shares) || ':' || sum(x.clicks) from ("
                + " select s.content_id, 1 as shares, 0 as clicks " + sharesIn + " union all select s.content_id, 0, 1 "
                + clicksIn + ") x"
                + " group by x.content_id order by sum(x.clicks) desc, sum(x.shares) desc, x.content_id limit 10");
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < overview.size("topContent"); i++) {
            answered.add(overview.getString("topContent[" + i + "].contentId") + ":"
                    + overview.getLong("topContent[" + i + "].shares") + ":"
                    + overview.getLong("topContent[" + i + "].clicks"));
        }
        soft.assertThat(answered).as(what + "top content").isEqualTo(top);

        compareDays(soft, org, from, to, group, what, sharesIn, clicksIn);

        JsonTree byGroup = JsonTree.of(Api.as(analyst.token()).get("/api/v1/analytics/participation" + query).then()
                .statusCode(200).extract());
        for (int i = 0; i < byGroup.size("rows"); i++) {
            String key = byGroup.getString("rows[" + i + "].key");
            if (key.equals("other")) {
                continue;
            }
            String row = " and s.member_id in (select member_id from group_memberships where group_id = '" + key + "')";
            soft.assertThat(byGroup.getLong("rows[" + i + "].shares")).as(what + key + " shares")
                    .isEqualTo(count("select count(*) " + sharesIn + row));
            soft.assertThat(byGroup.getLong("rows[" + i + "].clicks")).as(what + key + " clicks")
                    .isEqualTo(count("select count(*) " + clicksIn + row));
            soft.assertThat(byGroup.getLong("rows[" + i + "].sharing")).as(what + key + " sharing")
                    .isEqualTo(count("select count(distinct s.member_id) " + sharesIn + row
                            + " and s.member_id in (select id " + ambassadors + " and m.status <> 'deactivated')"));
        }

        JsonTree byWeek = JsonTree.of(Api.as(analyst.token())
                .get("/api/v1/analytics/participation" + query + "&groupBy=week").then().statusCode(200).extract());
        for (int i = 0; i < byWeek.size("rows"); i++) {
            LocalDate monday = LocalDate.parse(byWeek.getString("rows[" + i + "].key"));
            String week = " between '" + monday + "' and '" + monday.plusDays(6) + "'";
            String weekShares = sharesIn.replace(inRange, week);
            soft.assertThat(byWeek.getLong("rows[" + i + "].shares")).as(what + monday + " shares")
                    .isEqualTo(count("select count(*) " + weekShares));
            soft.assertThat(byWeek.getLong("rows[" + i + "].clicks")).as(what + monday + " clicks")
                    .isEqualTo(count("select count(*) " + clicksIn.replace(inRange, week)));
            soft.assertThat(byWeek.getLong("rows[" + i + "].sharing")).as(what + monday + " sharing")
                    .isEqualTo(count("select count(distinct s.member_id) " + weekShares
                            + " and s.member_id in (select id " + ambassadors + " and m.status <> 'deactivated')"));
        }

        JsonTree retention = JsonTree.of(
                Api.as(analyst.token()).get("/api/v1/analytics/retention" + query).then().statusCode(200).extract());
        Map<String, List<Long>> cohorts = new LinkedHashMap<>();
        String firsts = "select s.member_id, min((s.created_at at time zone '" + ZONE + "')::date) as first"
                + " from shares s where s.organization_id = '" + org.id() + "'" + members + " group by 1";
        for (String cohort : strings("select distinct to_char(f.first, 'YYYY-MM') from (" + firsts + ") f"
                + " join members m on m.id = f.member_id and 'ambassador' = any(m.roles) where f.first" + inRange
                + " order by 1")) {
            List<Long> figures = new ArrayList<>();
            String inCohort = "from (" + firsts + ") f join members m on m.id = f.member_id and 'ambassador' ="
                    + " any(m.roles) where f.first" + inRange + " and to_char(f.first, 'YYYY-MM') = '" + cohort + "'";
            figures.add(count("select count(*) " + inCohort));
            for (int week = 1; week <= 12; week++) {
                figures.add(count("select count(*) " + inCohort + " and exists (select 1 from shares s2"
                        + " where s2.member_id = f.member_id and (s2.created_at at time zone '" + ZONE
                        + "')::date - f.first between " + 7 * week + " and " + (7 * week + 6) + ")"));
            }
            cohorts.put(cohort, figures);
        }
        for (int i = 0; i < retention.size("cohorts"); i++) {
            String cohort = retention.getString("cohorts[" + i + "].cohort");
            List<Long> expected = cohorts.get(cohort);
            if (cohort.equals("other")) {
                continue;
            }
            soft.assertThat(expected).as(what + "cohort " + cohort + " exists").isNotNull();
            if (expected == null) {
                continue;
            }
            soft.assertThat(retention.getLong("cohorts[" + i + "].members")).as(what + cohort)
                    .isEqualTo(expected.get(0));
            List<Long> weeks = retention.getList("cohorts[" + i + "].activeByWeek", Long.class);
            soft.assertThat(weeks).as(what + cohort + " weeks").isEqualTo(expected.subList(1, 1 + weeks.size()));
            LocalDate last = YearMonth.parse(cohort).atEndOfMonth();
            long ended = (ChronoUnit.DAYS.between(last.isAfter(to) ? to : last, Time.today(ZoneId.of(ZONE))) - 7) / 7;
            soft.assertThat(weeks).as(what + cohort + " ended weeks").hasSize((int) Math.max(0, Math.min(12, ended)));
        }

        for (String item : strings("select distinct s.content_id::text " + sharesIn)) {
            JsonTree content = JsonTree.of(Api.as(analyst.token()).get("/api/v1/analytics/content/" + item + query)
                    .then().statusCode(200).extract());
            String ofItem = " and s.content_id = '" + item + "'";
            for (int i = 0; i < content.size("byDay"); i++) {
                String day = " = '" + content.getString("byDay[" + i + "].date") + "'";
                long expectedShares = count("select count(*) " + sharesIn.replace(inRange, day) + ofItem);
                long expectedClicks = count("select count(*) " + clicksIn.replace(inRange, day) + ofItem);
                soft.assertThat(content.getLong("byDay[" + i + "].shares")).as(what + item + day)
                        .isEqualTo(expectedShares);
                soft.assertThat(content.getLong("byDay[" + i + "].clicks")).as(what + item + day)
                        .isEqualTo(expectedClicks);
            }
        }
    }

    /** The dashboard's series: every day of the range, in order, with that day's shares, clicks and visitors. */
    private void compareDays(SoftAssertions soft, Org org, LocalDate from, LocalDate to, String group, String what,
            String sharesIn, String clicksIn) {
        Dashboard dashboard = AsOrganization.call(org.id(), () -> analytics
                .dashboard(from.toString(), to.toString(), group == null ? null : UUID.fromString(group)).value());
        String clickDay = "(c.at at time zone '" + ZONE + "')::date";
        Map<String, Long> shares = byDay(
                "select (s.created_at at time zone '" + ZONE + "')::date, count(*) " + sharesIn + " group by 1");
        Map<String, Long> clicks = byDay("select " + clickDay + ", count(*) " + clicksIn + " group by 1");
        Map<String, Long> visitors = byDay("select d, count(*) from (select distinct c.share_id, c.visitor_id, "
                + clickDay + " as d " + clicksIn + ") v group by 1");
        soft.assertThat(dashboard.byDay()).extracting(DayFigures::date).as(what + "every day")
                .containsExactlyElementsOf(from.datesUntil(to.plusDays(1)).toList());
        for (DayFigures day : dashboard.byDay()) {
            String date = day.date().toString();
            soft.assertThat(List.of(day.shares(), day.clicks(), day.uniqueVisitors())).as(what + date).isEqualTo(List
                    .of(shares.getOrDefault(date, 0L), clicks.getOrDefault(date, 0L), visitors.getOrDefault(date, 0L)));
        }
        soft.assertThat(dashboard.byDay().stream().mapToLong(DayFigures::clicks).sum()).as(what + "days add up")
                .isEqualTo(dashboard.overview().clicks());
    }

    /** (day, count) rows as a map from the day's date. */
    private Map<String, Long> byDay(String sql) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return values;
    }
}
