package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** No one can be singled out: small groups and cohorts are folded, small groups cannot be selected, no member ids. */
@QuarkusTest
class AnalyticsPrivacyTest {

    @Inject
    DataSource database;

    @Test
    void smallGroupsAreFoldedIntoOtherAndCannotBeSelected() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String big = org.group("Big", "department");
        String pair = org.group("Pair", "team");
        String trio = org.group("Trio", "team");
        String solo = org.group("Solo", "programme");
        String item = Contents.published(org.member("curator").token(), Contents.body("Private"));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(org.member(List.of(big), "ambassador"));
        }
        people.add(org.member(List.of(pair), "ambassador"));
        people.add(org.member(List.of(pair), "ambassador"));
        people.add(org.member(List.of(trio, solo), "ambassador"));
        people.add(org.member(List.of(trio), "ambassador"));
        people.add(org.member(List.of(trio), "ambassador"));
        // Everyone in Big shares; one of Pair and two of Trio share, each share clicked once.
        for (int i : List.of(0, 1, 2, 3, 4, 5, 7, 8)) {
            click(share(people.get(i), item, "linkedin"), visitor(), CHROME);
        }
        Traffic.awaitOverview(analyst.token(), "", 8, 8);

        JsonPath participation = Api.as(analyst.token()).get("/api/v1/analytics/participation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(participation.getList("rows.key")).containsExactly(big, "other");
        assertThat(participation.getString("rows[1].label")).isEqualTo("Other groups");
        assertThat(participation.getLong("rows[1].members")).as("Pair, Trio and Solo: five people, each counted once")
                .isEqualTo(5);
        assertThat(participation.getLong("rows[1].sharing")).isEqualTo(3);
        assertThat(participation.getDouble("rows[1].participationRate")).isEqualTo(0.6);
        assertThat(participation.getLong("rows[1].shares")).isEqualTo(3);
        assertThat(participation.getLong("rows[1].clicks")).isEqualTo(3);
        assertThat(participation.prettify()).doesNotContain("Pair").doesNotContain("Trio").doesNotContain(pair);

        for (String path : List.of("overview", "participation", "retention", "content/" + item)) {
            Api.as(analyst.token()).get("/api/v1/analytics/" + path + "?groupId=" + pair).then().statusCode(422)
                    .contentType("application/problem+json").body("type", endsWith("group-too-small"));
        }
        JsonPath inBig = Api.as(analyst.token()).get("/api/v1/analytics/participation?groupId=" + big).then()
                .statusCode(200).extract().jsonPath();
        assertThat(inBig.getList("rows.key")).as("within Big, only Big has enough people").containsExactly(big);

        // Nothing names a member.
        for (String path : List.of("overview", "participation", "participation?groupBy=week", "retention",
                "content/" + item)) {
            String answer = Api.as(analyst.token()).get("/api/v1/analytics/" + path).then().statusCode(200).extract()
                    .asString();
            for (Person person : people) {
                assertThat(answer).as(path).doesNotContain(person.id()).doesNotContain(person.email());
            }
        }
    }

    @AtEdges
    void smallCohortsAreFoldedIntoOther(ZonedDateTime at) throws SQLException {
        try (TestClock clock = TestClock.runFrom(at)) {
            cohortsFolded();
        }
    }

    private void cohortsFolded() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String item = Contents.published(org.member("curator").token(), Contents.body("Cohorts"));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Person person = org.member("ambassador");
            people.add(person);
            share(person, item, "linkedin");
        }
        Traffic.awaitOverview(analyst.token(), "", 10, 0);
        // Two first shared two months ago, three last month (the 11th, midday UTC), five this month (in Lisbon, where
        // the figures are counted: the shares of this month were made today, and a test runs in less than an hour).
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        LocalDate today = Time.today(lisbon);
        YearMonth now = YearMonth.from(today);
        moveShares(people.subList(0, 2), now.minusMonths(2).atDay(11));
        moveShares(people.subList(2, 5), now.minusMonths(1).atDay(11));
        Api.as(org.admin().token()).body(Map.of("timeZone", "Europe/Lisbon", "levelThresholds", List.of(0, 10)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        String query = "/api/v1/analytics/retention?from=" + now.minusMonths(2).atDay(1) + "&to=" + today;
        Traffic.await(analyst.token(), query, r -> "Europe/Lisbon".equals(r.getString("timeZone")));

        JsonPath retention = Api.as(analyst.token()).get(query).then().statusCode(200).extract().jsonPath();
        assertThat(retention.getList("cohorts.cohort")).containsExactly(now.toString(), "other");
        assertThat(retention.getLong("cohorts[0].members")).isEqualTo(5);
        assertThat(retention.getLong("cohorts[1].members")).as("2 + 3 first-time sharers").isEqualTo(5);
        // The other cohort's weeks are those ended for every member it could hold: last month's cohort may have first
        // shared up to the month's last day. activeByWeek[j] is the week j + 1 after a first share (its days 7(j + 1)
        // to 7(j + 1) + 6), given once its last day is before today.
        LocalDate latestFirstShare = now.minusMonths(1).atEndOfMonth();
        int ended = 0;
        while (ended < 12 && latestFirstShare.plusDays(7L * (ended + 1) + 6).isBefore(today)) {
            ended++;
        }
        List<Integer> weeks = retention.getList("cohorts[1].activeByWeek", Integer.class);
        assertThat(weeks).as("today %s", today).hasSize(ended);
        assertThat(weeks).as("no one shared again").allMatch(active -> active == 0);

        // Alone, last month's three are too few: left out rather than shown.
        JsonPath lastMonth = Api.as(analyst.token()).get("/api/v1/analytics/retention?from="
                + now.minusMonths(1).atDay(1) + "&to=" + now.minusMonths(1).atEndOfMonth()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(lastMonth.getList("cohorts")).isEmpty();
    }

    @Test
    void concentrationIsTheTopFivePercentsShareOfClicks() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String item = Contents.published(org.member("curator").token(), Contents.body("Champions"));
        // 100 active ambassadors (94 who joined and do not share yet, 6 who take part): the top 5% are 5 people. Ten
        // more are invited and have not accepted: they are no active ambassadors yet.
        for (int i = 0; i < 104; i++) {
            String token = Api.as(org.admin().token())
                    .body(Map.of("email", "joined-" + i + "@" + org.slug() + ".example", "name", "Joined " + i, "roles",
                            List.of("ambassador")))
                    .post("/api/v1/members").then().statusCode(201).extract().path("invitation.token");
            if (i < 94) {
                Organizations.accept(token, "Joined " + i);
            }
        }
        int[] clicks = { 10, 5, 3, 2, 1, 1 };
        for (int count : clicks) {
            Share shared = share(org.member("ambassador"), item, "linkedin");
            for (int i = 0; i < count; i++) {
                click(shared, visitor(), CHROME);
            }
        }
        JsonTree overview = Traffic.awaitOverview(analyst.token(), "", 6, 22);

        assertThat(overview.getLong("members.active")).isEqualTo(100);
        assertThat(overview.getLong("members.total")).isEqualTo(110);
        assertThat(overview.getLong("concentration.topAmbassadors")).isEqualTo(5);
        assertThat(overview.getDouble("concentration.top5PercentShareOfClicks")).as("21 of 22 clicks, 4 decimals")
                .isEqualTo(0.9545);
        assertThat(overview.getDouble("participationRate")).isEqualTo(0.06);
    }

    private void moveShares(List<Person> people, LocalDate day) {
        for (Person person : people) {
            Rows.of(database, "with moved as (update shares set created_at = '" + day + "T12:00:00Z'"
                    + " where member_id = '" + person.id() + "' returning 1) select count(*) from moved");
        }
    }
}
