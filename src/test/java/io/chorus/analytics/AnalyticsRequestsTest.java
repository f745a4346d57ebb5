package io.chorus.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Who may read analytics, what they may ask for, and which days a range covers. */
@QuarkusTest
class AnalyticsRequestsTest {

    static final List<String> PATHS = List.of("overview", "participation", "retention");

    @Test
    void analystsAndAdminsReadAnalyticsAmbassadorsAndCuratorsDoNot() {
        Org org = Organizations.create();
        String item = Contents.published(org.member("curator").token(), Contents.body("Measured"));
        for (String path : List.of("overview", "participation", "retention", "content/" + item)) {
            for (String role : List.of("ambassador", "curator")) {
                Api.as(org.member(role).token()).get("/api/v1/analytics/" + path).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            Api.as(org.member("analyst").token()).get("/api/v1/analytics/" + path).then().statusCode(200);
            Api.as(org.admin().token()).get("/api/v1/analytics/" + path).then().statusCode(200);
            Api.anonymous().get("/api/v1/analytics/" + path).then().statusCode(401);
        }
    }

    @Test
    void anotherOrganizationsContentAndGroupsDoNotExist() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        String theirs = Contents.published(other.member("curator").token(), Contents.body("Their secret launch"));
        String theirGroup = other.group("Their team", "team");
        String analyst = org.member("analyst").token();

        Api.as(analyst).get("/api/v1/analytics/content/{id}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(analyst).get("/api/v1/analytics/content/{id}", UUID.randomUUID()).then().statusCode(404);
        for (String path : PATHS) {
            String answer = Api.as(analyst).get("/api/v1/analytics/" + path + "?groupId=" + theirGroup).then()
                    .statusCode(404).contentType("application/problem+json").extract().asString();
            assertThat(answer).doesNotContain("Their team");
        }
    }

    @Test
    void badRangesAndParametersAreProblemsNamingTheField() {
        String analyst = Organizations.create().member("analyst").token();
        Map<String, String> wrong = Map.of("from=2026-13-01", "from", "to=tomorrow", "to",
                "from=2026-03-02&to=2026-03-01", "from", "from=2025-01-01&to=2026-01-02", "to",
                "from=1999-12-31&to=2000-01-01", "from", "to=2101-01-01", "to", "groupId=marketing", "groupId");
        for (String path : PATHS) {
            wrong.forEach((query, field) -> Api.as(analyst).get("/api/v1/analytics/" + path + "?" + query).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field)));
        }
        Api.as(analyst).get("/api/v1/analytics/participation?groupBy=month").then().statusCode(400)
                .body("violations[0].field", equalTo("groupBy"));
        // The longest range allowed: 366 days.
        Api.as(analyst).get("/api/v1/analytics/overview?from=2024-01-01&to=2024-12-31").then().statusCode(200)
                .body("from", equalTo("2024-01-01")).body("to", equalTo("2024-12-31"));
        Api.as(analyst).get("/api/v1/analytics/overview?to=2024-03-10").then().statusCode(200).body("from",
                equalTo("2024-02-10"));
    }

    /**
     * Days are the organization's: in a zone whose date differs from UTC's right now, today's share and click count on
     * the local date and not on the UTC date. At each edge: the local date is then another month's, or another year's.
     */
    @AtEdges
    void aRangeIsOfDaysInTheOrganizationsTimeZone(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            rangeInTheOrganizationsZone();
        }
    }

    private void rangeInTheOrganizationsZone() {
        int hour = Time.now().atZone(ZoneOffset.UTC).getHour();
        String zone = hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago"; // UTC+14 or UTC-11
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Api.as(org.admin().token()).body(Map.of("timeZone", zone, "levelThresholds", List.of(0, 10)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> zone.equals(o.getString("timeZone")));
        String item = Contents.published(org.member("curator").token(), Contents.body("Far away"));
        Instant sharedAt = Instant.parse(Api.as(org.member("ambassador").token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", item).then().statusCode(201).extract().path("createdAt"));
        LocalDate local = LocalDate.ofInstant(sharedAt, ZoneId.of(zone));
        LocalDate utc = LocalDate.ofInstant(sharedAt, ZoneOffset.UTC);
        assertThat(local).isNotEqualTo(utc);

        JsonTree onLocalDay = Traffic.awaitOverview(analyst.token(), "?from=" + local + "&to=" + local, 1, 0);
        assertThat(onLocalDay.getLong("shares")).isEqualTo(1);
        JsonPath onUtcDay = Api.as(analyst.token()).get("/api/v1/analytics/overview?from=" + utc + "&to=" + utc).then()
                .statusCode(200).extract().jsonPath();
        assertThat(onUtcDay.getLong("shares")).isZero();
        JsonPath byDefault = Api.as(analyst.token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath();
        assertThat(byDefault.getString("to")).as("today, there").isEqualTo(Time.today(ZoneId.of(zone)).toString());
        JsonPath content = Api.as(analyst.token()).get("/api/v1/analytics/content/{id}", item).then().statusCode(200)
                .extract().jsonPath();
        assertThat(content.getString("byDay[29].date")).isEqualTo(Time.today(ZoneId.of(zone)).toString());
        assertThat(content.getLong("byDay[29].shares") + content.getLong("byDay[28].shares")).isEqualTo(1);
    }
}
