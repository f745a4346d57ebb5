package io.chorus.trust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CharterResourceTest {

    private static final String TEXT = "# Our charter\n\nSay **who you work for**. Never share *confidential* news. 🎉";

    @Test
    void withoutACharterThereIsNothingToAcceptAndSharingIsFree() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Free"));

        Api.as(ambassador.token()).get("/api/v1/charter").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(404);
        share(ambassador, content, "x").then().statusCode(201);
    }

    @Test
    void aMemberMustAcceptTheCurrentVersionBeforeSharingAndAgainAfterEachNewVersion() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Charter first"));

        JsonPath published = Api.as(org.admin().token()).body(Map.of("text", TEXT)).put("/api/v1/charter").then()
                .statusCode(200).extract().jsonPath();
        assertThat(published.getInt("version")).isEqualTo(1);
        assertThat(published.getString("text")).isEqualTo(TEXT);
        assertThat(published.getBoolean("acceptedByMe")).isFalse();
        Api.as(ambassador.token()).get("/api/v1/charter").then().statusCode(200).body("version", equalTo(1))
                .body("text", equalTo(TEXT)).body("acceptedByMe", equalTo(false))
                .body("publishedAt", equalTo(published.getString("publishedAt")));

        share(ambassador, content, "x").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("charter-not-accepted")).body("charterVersion", equalTo(1))
                .body("detail", containsString("version 1"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(0));

        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);
        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);
        Api.as(ambassador.token()).get("/api/v1/charter").then().body("acceptedByMe", equalTo(true));
        share(ambassador, content, "x").then().statusCode(201);

        Api.as(org.admin().token()).body(Map.of("text", TEXT + "\n\nAlso: be kind.")).put("/api/v1/charter").then()
                .statusCode(200).body("version", equalTo(2));
        Api.as(ambassador.token()).get("/api/v1/charter").then().body("version", equalTo(2)).body("acceptedByMe",
                equalTo(false));
        share(ambassador, content, "linkedin").then().statusCode(409).body("charterVersion", equalTo(2));
        // Asking again for a share already made creates nothing, so it is answered.
        share(ambassador, content, "x").then().statusCode(200);
        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(409)
                .body("type", endsWith("charter-version-not-current")).body("charterVersion", equalTo(2));
        Api.as(ambassador.token()).body(Map.of("version", 2)).post("/api/v1/charter/accept").then().statusCode(204);
        share(ambassador, content, "linkedin").then().statusCode(201);
    }

    @Test
    void acceptancesAndVersionsAreAuditedAndInvalidRequestsAreRefused() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Api.as(org.admin().token()).body(Map.of("text", "  ")).put("/api/v1/charter").then().statusCode(400)
                .body("violations[0].field", equalTo("text"));
        Api.as(org.admin().token()).body(Map.of("text", "x".repeat(100_001))).put("/api/v1/charter").then()
                .statusCode(400);
        Api.as(analyst.token()).body(Map.of("text", "Mine")).put("/api/v1/charter").then().statusCode(403);
        Api.as(org.admin().token()).body(Map.of("text", "Be honest.")).put("/api/v1/charter").then().statusCode(200);
        Api.as(analyst.token()).body(Map.of()).post("/api/v1/charter/accept").then().statusCode(400);
        Api.as(analyst.token()).body(Map.of("version", "one")).post("/api/v1/charter/accept").then().statusCode(400);
        Api.as(analyst.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);

        List<Map<String, Object>> events = Api.as(org.admin().token())
                .get("/api/v1/audit-events?action=charter.accepted").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("actorId", analyst.id()).containsEntry("targetType", "charter");
            assertThat(event.get("detail")).isEqualTo(Map.of("version", 1));
        });
        Api.as(org.admin().token()).get("/api/v1/audit-events?action=charter.published").then()
                .body("items", hasSize(1)).body("items[0].actorId", equalTo(org.admin().id()))
                .body("items[0].detail.version", equalTo(1));
    }

    @Test
    void aOneClickLinkShowsAFriendlyPageInsteadOfSharingUntilTheCharterIsAccepted() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("One click, charter"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().statusCode(200)
                .extract().path("whatsapp");
        Api.as(org.admin().token()).body(Map.of("text", "Be honest.")).put("/api/v1/charter").then().statusCode(200);

        given().redirects().follow(false).header("Accept-Language", "fr").get(link.substring(link.indexOf("/share/")))
                .then().statusCode(409).contentType("text/html").body(containsString("charte"))
                .body(containsString("version 1")).header("Content-Security-Policy", containsString("default-src"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(0));

        Api.as(ambassador.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);
        given().redirects().follow(false).get(link.substring(link.indexOf("/share/"))).then().statusCode(302)
                .header("Location", containsString("wa.me"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(1));
    }

    private static io.restassured.response.Response share(Person who, String content, String network) {
        return Api.as(who.token()).body(Map.of("network", network)).post("/api/v1/content/{id}/shares", content);
    }
}
