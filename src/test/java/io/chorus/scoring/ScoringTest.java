package io.chorus.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.scoring.PointsLedger.Award;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ScoringTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    @Inject
    DataSource database;

    @Inject
    Standings standings;

    /** At each edge, in Paris: the cap is of a day there, which starts at midnight there. */
    @AtEdges
    void sharesScoreOnceAndTheDailyCapCutsAtItsBoundary(ZonedDateTime at) throws SQLException {
        try (TestClock clock = TestClock.runFrom(at)) {
            dailyCap(at.getZone());
        }
    }

    private void dailyCap(ZoneId zone) throws SQLException {
        Org org = Organizations.create();
        inZone(org, zone);
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Worth sharing"));
        rules(org, List.of(Map.of("action", "share", "points", 10, "dailyCap", 25)));

        for (String network : List.of("linkedin", "x", "facebook", "xing")) {
            share(ambassador, content, network, 201);
        }
        share(ambassador, content, "linkedin", 200);

        JsonPath score = score(ambassador);
        assertThat(score.getLong("points")).isEqualTo(25);
        assertThat(score.getLong("breakdown.share")).isEqualTo(25);
        assertThat(rows("select points || '/' || requested from points_ledger where member_id = '" + ambassador.id()
                + "' order by id")).containsExactly("10/10", "10/10", "5/10", "0/10");
        JsonPath board = Api.as(ambassador.token()).get("/api/v1/leaderboards?period=week&metric=shares").then()
                .statusCode(200).extract().jsonPath();
        assertThat(board.getLong("me.shares")).isEqualTo(4);
        assertThat(board.getLong("me.rank")).isEqualTo(1);

        // Three shares in the last second of yesterday there, three in the first second of today: two days, two caps.
        Person nightOwl = org.member("ambassador");
        Instant midnight = Time.today(zone).atStartOfDay(zone).toInstant();
        for (Instant at : List.of(midnight.minusSeconds(1), midnight.minusSeconds(1), midnight.minusSeconds(1),
                midnight, midnight, midnight)) {
            award(database, standings, org, nightOwl, ScoringAction.SHARE, at);
        }
        assertThat(rows("select day || ' ' || points || '/' || requested from points_ledger where member_id = '"
                + nightOwl.id() + "' order by id")).as("midnight in %s: %s", zone, midnight).containsExactly(
                        yesterday(zone) + " 10/10", yesterday(zone) + " 10/10", yesterday(zone) + " 5/10",
                        Time.today(zone) + " 10/10", Time.today(zone) + " 10/10", Time.today(zone) + " 5/10");
        assertThat(score(nightOwl).getLong("points")).isEqualTo(50);
    }

    private static LocalDate yesterday(ZoneId zone) {
        return Time.today(zone).minusDays(1);
    }

    /**
     * At each edge, in Paris: the week (from Monday), month, quarter and year a leaderboard covers are those of today
     * there, and a click counts in them from their first second there, not the second before. The expected periods are
     * counted day by day: the days around today with the same ISO week, month, quarter or year.
     */
    @AtEdges
    void leaderboardPeriodsAreTheCalendarsOnesInTheOrganizationsTimeZone(ZonedDateTime at) throws SQLException {
        try (TestClock clock = TestClock.runFrom(at)) {
            periods(at.getZone());
        }
    }

    private void periods(ZoneId zone) throws SQLException {
        Org org = Organizations.create();
        inZone(org, zone);
        Person ambassador = org.member("ambassador");
        LocalDate today = Time.today(zone);
        Map<String, LocalDate[]> periods = new LinkedHashMap<>();
        periods.put("week", daysAlike(today,
                d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        periods.put("month", daysAlike(today, d -> d.getYear() * 100 + d.getMonthValue()));
        periods.put("quarter", daysAlike(today, d -> d.getYear() * 10 + d.get(IsoFields.QUARTER_OF_YEAR)));
        periods.put("year", daysAlike(today, LocalDate::getYear));
        List<Instant> clicks = new ArrayList<>();
        for (LocalDate[] days : periods.values()) {
            Instant first = days[0].atStartOfDay(zone).toInstant();
            clicks.add(first);
            clicks.add(first.minusSeconds(1));
        }
        for (Instant click : clicks) {
            award(org, ambassador, click);
        }

        for (Map.Entry<String, LocalDate[]> period : periods.entrySet()) {
            LocalDate[] days = period.getValue();
            Instant from = days[0].atStartOfDay(zone).toInstant();
            Instant until = days[1].plusDays(1).atStartOfDay(zone).toInstant();
            long inside = clicks.stream().filter(c -> !c.isBefore(from) && c.isBefore(until)).count();
            JsonPath board = Api.as(ambassador.token())
                    .get("/api/v1/leaderboards?metric=clicks&period=" + period.getKey()).then().statusCode(200)
                    .extract().jsonPath();
            String what = period.getKey() + " of " + today + " in " + zone;
            assertThat(board.getString("from")).as(what).isEqualTo(days[0].toString());
            assertThat(board.getString("to")).as(what).isEqualTo(days[1].toString());
            assertThat(board.getLong("me.clicks")).as(what + ": clicks at " + clicks).isEqualTo(inside);
            assertThat(board.getList("entries.clicks", Long.class)).as(what).containsExactly(inside);
        }
    }

    /** The first and last of the days around {@code today} that have its key, counted one day at a time. */
    private static LocalDate[] daysAlike(LocalDate today, ToIntFunction<LocalDate> key) {
        int of = key.applyAsInt(today);
        LocalDate first = today;
        while (key.applyAsInt(first.minusDays(1)) == of) {
            first = first.minusDays(1);
        }
        LocalDate last = today;
        while (key.applyAsInt(last.plusDays(1)) == of) {
            last = last.plusDays(1);
        }
        return new LocalDate[] { first, last };
    }

    private static void inZone(Org org, ZoneId zone) {
        Api.as(org.admin().token()).body(Map.of("timeZone", zone.getId(), "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
    }

    @Test
    void identicalRequestsRacingAwardOnce() throws Exception {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Race"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                        .post("/api/v1/content/{id}/shares", content).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                codes.add(answer.get());
            }
            assertThat(codes).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        assertThat(score(ambassador).getLong("points")).isEqualTo(10);
        assertThat(rows("select count(*) from points_ledger where member_id = '" + ambassador.id() + "'"))
                .containsExactly("1");
    }

    @Test
    void clicksScorePerUniqueVisitorAndRobotsOrTheSharerNever() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Clicked"));
        JsonPath share = Api.as(ambassador.token()).header("X-Forwarded-For", "198.19.0.1").header("User-Agent", CHROME)
                .body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content).then().statusCode(201)
                .extract().jsonPath();
        String code = share.getString("code");
        follow(code, "198.19.1.1", CHROME);
        follow(code, "198.19.1.1", CHROME);
        follow(code, "198.19.1.2", CHROME);
        follow(code, "198.19.2.1", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)");
        follow(code, "198.19.0.1", CHROME);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonPath counted;
        do {
            counted = Api.as(ambassador.token()).get("/api/v1/shares/{id}", share.getString("id")).then()
                    .statusCode(200).extract().jsonPath();
        } while (counted.getLong("clicks") + counted.getLong("robotHits") + counted.getLong("selfClicks") < 5
                && System.nanoTime() < deadline);
        assertThat(counted.getLong("clicks")).isEqualTo(3);
        // Recorded and scored in one transaction: the points are there as soon as the clicks are.
        JsonPath score = score(ambassador);
        assertThat(score.getLong("breakdown.click")).isEqualTo(4);
        assertThat(score.getLong("points")).isEqualTo(14);
        JsonPath board = Api.as(ambassador.token()).get("/api/v1/leaderboards?metric=clicks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(board.getLong("entries[0].clicks")).isEqualTo(2);
    }

    @Test
    void anApprovedSubmissionScoresItsAuthor() {
        Org org = Organizations.create();
        Person author = org.member("ambassador");
        String submission = Contents.create(author.token(), Contents.body("My idea")).getString("id");
        Api.as(org.member("curator").token()).post("/api/v1/content/{id}/approve", submission).then().statusCode(200);
        assertThat(score(author).getLong("breakdown.submission")).isEqualTo(25);
    }

    @Test
    void tiesShareARankGroupsFilterAndDeactivatedMembersLeave() {
        Org org = Organizations.create();
        String team = org.group("Team", "team");
        Person first = org.member("ambassador");
        Person second = org.member(List.of(team), "ambassador");
        Person tied = org.member("ambassador");
        Person fourth = org.member(List.of(team), "ambassador");
        adjust(org, first, 30);
        adjust(org, second, 20);
        adjust(org, tied, 20);
        adjust(org, fourth, 10);

        JsonPath board = Api.as(fourth.token()).get("/api/v1/leaderboards?period=all").then().statusCode(200).extract()
                .jsonPath();
        assertThat(board.getList("entries.rank", Long.class)).containsExactly(1L, 2L, 2L, 4L);
        assertThat(board.getList("entries.memberId", String.class).subList(1, 3)).containsExactlyInAnyOrder(second.id(),
                tied.id());
        assertThat(board.getLong("me.rank")).isEqualTo(4);

        JsonPath top = Api.as(fourth.token()).get("/api/v1/leaderboards?period=month&limit=1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(top.getList("entries.memberId", String.class)).containsExactly(first.id());
        assertThat(top.getLong("me.points")).isEqualTo(10);
        assertThat(top.getLong("me.rank")).isEqualTo(4);

        JsonPath grouped = Api.as(fourth.token()).get("/api/v1/leaderboards?period=year&groupId=" + team).then()
                .statusCode(200).extract().jsonPath();
        assertThat(grouped.getList("entries.memberId", String.class)).containsExactly(second.id(), fourth.id());
        assertThat(grouped.getLong("me.rank")).isEqualTo(2);

        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", first.id())
                .then().statusCode(200);
        JsonPath after = Api.as(fourth.token()).get("/api/v1/leaderboards?period=quarter").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getList("entries.rank", Long.class)).containsExactly(1L, 1L, 3L);
        assertThat(after.getList("entries.memberId", String.class)).doesNotContain(first.id());
    }

    @Test
    void periodsFollowTheOrganizationsTimeZoneAndAZoneChangeRegroupsThem() throws SQLException {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        // 22:30 UTC on 31 March 2026 is already 00:30 on 1 April in Paris (summer time).
        award(org, ambassador, Instant.parse("2026-03-31T22:30:00Z"));
        assertThat(periodStarts(ambassador)).containsExactly("a 1970-01-01", "m 2026-03-01", "q 2026-01-01",
                "w 2026-03-30", "y 2026-01-01");

        Api.as(org.admin().token()).body(Map.of("timeZone", "Europe/Paris", "levelThresholds", List.of(0, 5, 50)))
                .put("/api/v1/settings/organization").then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        assertThat(periodStarts(ambassador)).containsExactly("a 1970-01-01", "m 2026-04-01", "q 2026-04-01",
                "w 2026-03-30", "y 2026-01-01");
        // Sunday 22:30 UTC is Monday in Paris: a new week.
        award(org, ambassador, Instant.parse("2026-04-05T22:30:00Z"));
        assertThat(rows("select period_start || ' ' || points from score_totals where member_id = '" + ambassador.id()
                + "' and period = 'w' order by period_start")).containsExactly("2026-03-30 2", "2026-04-06 2");
        JsonPath level = score(ambassador).setRootPath("level");
        assertThat(level.getInt("number")).isEqualTo(1);
        assertThat(level.getInt("progressPercent")).isEqualTo(80);
        Api.as(org.admin().token()).body(Map.of("timeZone", "Mars/Olympus", "levelThresholds", List.of(0, 5)))
                .put("/api/v1/settings/organization").then().statusCode(400);
        Api.as(org.admin().token()).body(Map.of("timeZone", "+02:00", "levelThresholds", List.of(0, 5)))
                .put("/api/v1/settings/organization").then().statusCode(400);
        Api.as(org.admin().token()).body(Map.of("timeZone", "UTC", "levelThresholds", List.of(0, 5, 5)))
                .put("/api/v1/settings/organization").then().statusCode(400);
    }

    @Test
    void ruleChangesApplyFromNowOnAndAreAudited() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Rules"));
        share(ambassador, content, "linkedin", 201);
        rules(org, List.of(Map.of("action", "share", "points", 50)));
        share(ambassador, content, "x", 201);

        assertThat(rows("select points from points_ledger where member_id = '" + ambassador.id() + "' order by id"))
                .containsExactly("10", "50");
        JsonPath rules = Api.as(ambassador.token()).get("/api/v1/scoring-rules").then().statusCode(200).extract()
                .jsonPath();
        assertThat(rules.getList("action", String.class)).containsExactly("share", "click", "submission_approved",
                "conversion");
        assertThat(rules.getInt("[0].points")).isEqualTo(50);
        assertThat(rules.getString("[0].dailyCap")).isNull();
        assertThat(rows("select count(*) from audit_events where organization_id = '" + org.id()
                + "' and action = 'scoring.rules.changed'")).containsExactly("1");
        Api.as(ambassador.token()).body(List.of(Map.of("action", "share", "points", 1000))).put("/api/v1/scoring-rules")
                .then().statusCode(403);
        Api.as(org.admin().token()).body(List.of(Map.of("action", "share", "points", -1))).put("/api/v1/scoring-rules")
                .then().statusCode(400);
        Api.as(org.admin().token()).body(List.of(Map.of("action", "adjustment", "points", 1)))
                .put("/api/v1/scoring-rules").then().statusCode(400);
    }

    @Test
    void adjustmentsNeedAReasonAndTheLedgerIsNeverRewritten() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("points", 7)).post("/api/v1/members/{id}/adjustments", ambassador.id())
                .then().statusCode(400);
        Api.as(org.admin().token()).body(Map.of("points", 0, "reason", "nothing"))
                .post("/api/v1/members/{id}/adjustments", ambassador.id()).then().statusCode(400);
        Api.as(ambassador.token()).body(Map.of("points", 7, "reason", "me"))
                .post("/api/v1/members/{id}/adjustments", ambassador.id()).then().statusCode(403);
        Org other = Organizations.create();
        Api.as(other.admin().token()).body(Map.of("points", 7, "reason", "theirs"))
                .post("/api/v1/members/{id}/adjustments", ambassador.id()).then().statusCode(404)
                .body("type", endsWith("not-found"));
        Api.as(other.admin().token()).get("/api/v1/leaderboards?groupId=" + org.group("Mine", "team")).then()
                .statusCode(404);
        adjust(org, ambassador, -3);
        assertThat(score(ambassador).getLong("breakdown.adjustment")).isEqualTo(-3);
        assertThat(rows("select count(*) from audit_events where organization_id = '" + org.id()
                + "' and action = 'points.adjusted'")).containsExactly("1");

        assertThatThrownBy(() -> rows(
                "update points_ledger set points = 100 where member_id = '" + ambassador.id() + "' returning 1"))
                        .hasMessageContaining("append-only");
        assertThatThrownBy(
                () -> rows("delete from points_ledger where member_id = '" + ambassador.id() + "' returning 1"))
                        .hasMessageContaining("append-only");
    }

    private static void rules(Org org, List<Map<String, Object>> rules) {
        Api.as(org.admin().token()).body(rules).put("/api/v1/scoring-rules").then().statusCode(200);
    }

    static void share(Person ambassador, String content, String network, int status) {
        Api.as(ambassador.token()).body(Map.of("network", network)).post("/api/v1/content/{id}/shares", content).then()
                .statusCode(status);
    }

    static void adjust(Org org, Person member, int points) {
        Api.as(org.admin().token()).body(Map.of("points", points, "reason", "Test standing"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201)
                .body("points", equalTo(points)).body("action", equalTo("adjustment"));
    }

    static JsonPath score(Person member) {
        return Api.as(member.token()).get("/api/v1/me/score").then().statusCode(200).extract().jsonPath();
    }

    static void follow(String code, String clientAddress, String userAgent) {
        given().redirects().follow(false).header("X-Forwarded-For", clientAddress).header("User-Agent", userAgent)
                .get("/s/{code}", code).then().statusCode(302);
    }

    /** A click award at a given time, through the ledger itself (the API only awards at the present moment). */
    private void award(Org org, Person member, Instant at) throws SQLException {
        award(database, standings, org, member, ScoringAction.CLICK, at);
    }

    /** As the click writer awards: on its own connection, then reporting the change once committed. */
    static void award(DataSource database, Standings standings, Org org, Person member, ScoringAction action,
            Instant at) throws SQLException {
        List<Award> awards = List.of(Award.ruled(UUID.fromString(org.id()), UUID.fromString(member.id()), action,
                action.id() + ":test:" + UUID.randomUUID(), null, null, null, at));
        try (Connection connection = database.getConnection()) {
            PointsLedger.award(connection, awards);
        }
        Standings.byOrganization(awards).forEach(standings::changed);
    }

    private List<String> periodStarts(Person member) {
        return rows("select period || ' ' || period_start from score_totals where member_id = '" + member.id()
                + "' order by 1");
    }

    private List<String> rows(String sql) {
        return Rows.of(database, sql);
    }
}
