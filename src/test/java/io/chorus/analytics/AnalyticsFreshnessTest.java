package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.FIREFOX;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Answers are computed once and served again (the {@code Age} header says how old their figures are), and what this
 * instance changes shows in the next answer. The test profile keeps answers for 10 minutes
 * ({@code chorus.analytics.max-age}) and drops them as soon as new counts are known ({@code fresh-for} 0): an answer
 * that changes within a test was dropped, not expired.
 */
@QuarkusTest
class AnalyticsFreshnessTest {

    static final String OVERVIEW = "/api/v1/analytics/overview";
    static final String BY_GROUP = "/api/v1/analytics/participation?groupBy=group";

    @Test
    void aRepeatedRequestIsAnsweredFromMemoryInJsonAndCsv() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String item = Contents.published(org.member("curator").token(), Contents.body("Remembered"));
        click(share(org.member("ambassador"), item, "linkedin"), visitor(), CHROME);
        Traffic.awaitOverview(analyst.token(), "", 1, 1);
        Response first = Api.as(analyst.token()).get(OVERVIEW).then().statusCode(200).extract().response();
        assertThat(age(first)).isNotNegative();

        // The same 30 days given explicitly are the same answer: served again until it is a second old.
        LocalDate today = Time.today(ZoneOffset.UTC);
        String explicit = OVERVIEW + "?from=" + today.minusDays(29) + "&to=" + today;
        Response aged = awaitAge(analyst.token(), explicit, 1);
        assertThat(aged.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));

        double computed = answers("computed");
        double cached = answers("cache");
        Response json = Api.as(analyst.token()).get(OVERVIEW).then().statusCode(200).extract().response();
        Response csv = Api.as(analyst.token()).accept("text/csv").get(OVERVIEW).then().statusCode(200)
                .contentType("text/csv; charset=utf-8; header=present").extract().response();
        assertThat(age(json)).isPositive();
        assertThat(age(csv)).isPositive();
        assertThat(csv.asString()).contains("activity,,,clicks,1\r\n");
        assertThat(answers("computed")).as("nothing computed again").isEqualTo(computed);
        assertThat(answers("cache")).isGreaterThanOrEqualTo(cached + 2);
    }

    @Test
    void sharesAndClicksRolledUpHereShowInTheNextAnswer() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Person ambassador = org.member("ambassador");
        String item = Contents.published(org.member("curator").token(), Contents.body("Counted"));
        Share shared = share(ambassador, item, "linkedin");
        click(shared, visitor(), CHROME);
        Traffic.awaitOverview(analyst.token(), "", 1, 1);
        awaitAge(analyst.token(), OVERVIEW, 1);
        awaitAge(analyst.token(), "/api/v1/analytics/content/" + item, 1);

        click(shared, visitor(), FIREFOX);
        share(ambassador, item, "x");
        Traffic.awaitOverview(analyst.token(), "", 2, 2);
        Traffic.await(analyst.token(), "/api/v1/analytics/content/" + item,
                c -> c.getLong("clicks") == 2 && c.getLong("byNetwork.x.shares") == 1);
    }

    @Test
    void organizationsNeverShareAnswers() {
        Org ours = Organizations.create();
        Org theirs = Organizations.create();
        String team = ours.group("Team", "team");
        for (int i = 0; i < 5; i++) {
            ours.member(List.of(team), "ambassador");
        }
        theirs.member("ambassador");
        String item = Contents.published(ours.member("curator").token(), Contents.body("Ours"));
        String analyst = ours.member("analyst").token();
        String theirAnalyst = theirs.member("analyst").token();

        for (String path : List.of(OVERVIEW, OVERVIEW + "?groupId=" + team, "/api/v1/analytics/content/" + item)) {
            awaitAge(analyst, path, 1); // remembered for our organization
        }
        Api.as(theirAnalyst).get(OVERVIEW).then().statusCode(200).body("members.total", equalTo(1));
        Api.as(analyst).get(OVERVIEW).then().statusCode(200).body("members.total", equalTo(5));
        for (String path : List.of(OVERVIEW + "?groupId=" + team, BY_GROUP + "&groupId=" + team,
                "/api/v1/analytics/content/" + item)) {
            Api.as(theirAnalyst).get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void changesToMembersAndGroupsShowAtOnce() {
        Org org = Organizations.create();
        String analyst = org.member("analyst").token();
        String admin = org.admin().token();
        String team = org.group("Team", "team");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(org.member(List.of(team), "ambassador"));
        }
        String inTeam = OVERVIEW + "?groupId=" + team;
        awaitAge(analyst, OVERVIEW, 1);
        awaitAge(analyst, BY_GROUP, 1);
        awaitAge(analyst, inTeam, 1);

        // No polling from here on: each change shows in the very next answer.
        patch(admin, people.get(0), Map.of("status", "deactivated"));
        assertThat(get(analyst, OVERVIEW).jsonPath().getLong("members.active")).isEqualTo(5);
        assertThat(get(analyst, inTeam).jsonPath().getLong("members.active")).isEqualTo(5);

        Api.as(admin).body(Map.of("name", "Crew")).patch("/api/v1/groups/{id}", team).then().statusCode(200);
        assertThat(get(analyst, BY_GROUP).jsonPath().getList("rows.label")).containsExactly("Crew");

        org.member(List.of(team), "ambassador");
        assertThat(get(analyst, OVERVIEW).jsonPath().getLong("members.total")).isEqualTo(7);
        patch(admin, people.get(1), Map.of("roles", List.of("curator")));
        assertThat(get(analyst, OVERVIEW).jsonPath().getLong("members.total")).isEqualTo(6);
        assertThat(get(analyst, BY_GROUP).jsonPath().getLong("rows[0].members")).isEqualTo(5);

        Api.as(admin).post("/api/v1/members/{id}/erase", people.get(2).id()).then().statusCode(204);
        assertThat(get(analyst, OVERVIEW).jsonPath().getLong("members.active")).isEqualTo(4);
        Api.as(analyst).get(inTeam).then().statusCode(422).contentType("application/problem+json");

        patch(admin, people.get(0), Map.of("status", "active"));
        assertThat(get(analyst, inTeam).jsonPath().getLong("members.active")).isEqualTo(5);
        patch(admin, people.get(3), Map.of("groupIds", List.of()));
        Api.as(analyst).get(inTeam).then().statusCode(422);
        assertThat(get(analyst, BY_GROUP).jsonPath().getList("rows")).as("Crew, now 4, is folded and left out")
                .isEmpty();

        Api.as(admin).delete("/api/v1/groups/{id}", team).then().statusCode(204);
        Api.as(analyst).get(inTeam).then().statusCode(404);
    }

    private static void patch(String admin, Person member, Map<String, Object> change) {
        Api.as(admin).body(change).patch("/api/v1/members/{id}", member.id()).then().statusCode(200);
    }

    private static Response get(String token, String path) {
        return Api.as(token).get(path).then().statusCode(200).extract().response();
    }

    /** Polls (20 s deadline) until the answer's figures are at least {@code seconds} old: an answer served again. */
    private static Response awaitAge(String token, String path, long seconds) {
        Response[] answer = new Response[1];
        Traffic.until(() -> "GET " + path + " answers Age " + answer[0].header("Age"), () -> {
            answer[0] = get(token, path);
            return age(answer[0]) >= seconds;
        });
        return answer[0];
    }

    private static long age(Response response) {
        String age = response.header("Age");
        assertThat(age).as("Age header").matches("\\d+");
        return Long.parseLong(age);
    }

    /** The answers served so far, by source ("cache" or "computed"), from the Prometheus metrics. */
    private static double answers(String source) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern
                .compile("(?m)^chorus_analytics_answers_total\\{[^}]*source=\"" + source + "\"[^}]*} ([0-9.eE+]+)$")
                .matcher(metrics);
        assertThat(line.find()).as("chorus_analytics_answers_total{source=%s}", source).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
