package io.chorus.conversions;

import static io.chorus.conversions.ConversionTest.click;
import static io.chorus.conversions.ConversionTest.key;
import static io.chorus.conversions.ConversionTest.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What attributed conversions add up to, wherever clicks are shown: the share, my score, analytics. */
@QuarkusTest
class ConversionFiguresTest {

    @Inject
    DataSource database;

    @Test
    void attributedConversionsShowOnTheShareTheSharersScoreAndInAnalytics() {
        ConversionTest.Link link = ConversionTest.link();
        Org org = link.org();
        String key = key(org);
        String human = click(link.code(), Clicks.CHROME, null);
        String robot = click(link.code(), Clicks.LINKEDIN_BOT, null);
        report(key, Map.of("clickId", human, "type", "purchase", "value", 10, "currency", "EUR"));
        report(key, Map.of("clickId", human, "type", "purchase", "value", 5.5, "currency", "USD"));
        report(key, Map.of("clickId", human, "type", "signup"));
        report(key, Map.of("clickId", robot, "type", "purchase", "value", 1000, "currency", "EUR"));
        // A second sharer who hides from leaderboards: counted in totals, never listed by name.
        Person hidden = org.member("ambassador");
        Api.as(hidden.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);
        String content = Contents.published(org.member("curator").token(), Contents.body("Second launch"));
        String hiddenCode = Api.as(hidden.token()).body(Map.of("network", "x"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().path("code");
        report(key, Map.of("clickId", click(hiddenCode, Clicks.CHROME, null), "type", "lead"));
        Rows.await(database,
                "select count(*) from conversions where organization_id = '" + org.id() + "' and status <> 'pending'",
                5);

        Api.as(link.sharer().token()).get("/api/v1/shares/{id}", link.shareId()).then().statusCode(200)
                .body("conversions", equalTo(3)).body("conversionValue.EUR", equalTo(10))
                .body("conversionValue.USD", equalTo(5.5f));
        Api.as(link.sharer().token()).get("/api/v1/me/score").then().statusCode(200).body("conversions", equalTo(3))
                .body("conversionValue.EUR", equalTo(10));

        String analyst = org.member("analyst").token();
        Api.as(analyst).get("/api/v1/analytics/overview").then().statusCode(200).body("conversions", equalTo(4))
                .body("conversionValue.EUR", equalTo(10)).body("conversionValue.USD", equalTo(5.5f));

        JsonPath byNetwork = Api.as(analyst).queryParam("groupBy", "network").get("/api/v1/analytics/conversions")
                .then().statusCode(200).body("groupBy", equalTo("network")).extract().jsonPath();
        assertThat(byNetwork.getList("rows.key")).containsExactly("linkedin", "x");
        assertThat(byNetwork.getList("rows.conversions")).containsExactly(3, 1);
        Api.as(analyst).queryParam("groupBy", "campaign").get("/api/v1/analytics/conversions").then().statusCode(200)
                .body("rows.key", equalTo(List.of("none"))).body("rows[0].conversions", equalTo(4));
        Api.as(analyst).get("/api/v1/analytics/conversions").then().statusCode(200).body("groupBy", equalTo("content"))
                .body("rows[0].label", equalTo("Product launch")).body("rows[0].conversionValue.EUR", equalTo(10));
        // The hidden member is neither listed nor folded into an "other" row that would single them out.
        Api.as(analyst).queryParam("groupBy", "member").get("/api/v1/analytics/conversions").then().statusCode(200)
                .body("rows.key", equalTo(List.of(link.sharer().id())));
        // A group of one is too small to show.
        String group = org.group("Tiny team", "team");
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of(group)))
                .patch("/api/v1/members/{id}", link.sharer().id()).then().statusCode(200);
        Api.as(analyst).queryParam("groupBy", "group").get("/api/v1/analytics/conversions").then().statusCode(200)
                .body("rows", empty());

        Api.as(analyst).accept("text/csv").queryParam("groupBy", "network").get("/api/v1/analytics/conversions").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("network,linkedin,linkedin,conversions,3\r\n"))
                .body(containsString("network,linkedin,linkedin,value_EUR,10\r\n"));
        Api.as(analyst).queryParam("groupBy", "weekday").get("/api/v1/analytics/conversions").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
