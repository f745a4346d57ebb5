package io.chorus.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * An organization chooses the networks its members share on: a new share on another is refused and changes nothing, one
 * made before stays, and neither the one-click links nor the app offer another.
 */
@QuarkusTest
class SharingNetworksTest {

    @Test
    void membersShareOnlyOnTheNetworksTheOrganizationChose() {
        Org org = Organizations.create();
        String admin = org.admin().token();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Chosen networks"));
        Api.as(admin).get("/api/v1/settings/sharing").then().statusCode(200).body("networks",
                equalTo(List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email")));
        Api.as(ambassador.token()).body(Map.of("network", "facebook")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201);

        Api.as(admin).body(Map.of("disclosure", "", "networks", List.of("x", "linkedin")))
                .put("/api/v1/settings/sharing").then().statusCode(200)
                .body("networks", equalTo(List.of("linkedin", "x")));
        Api.as(ambassador.token()).body(Map.of("network", "whatsapp")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("network-not-allowed"));
        Api.as(ambassador.token()).body(Map.of("network", "facebook")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(200); // made before the change: still answered
        Api.as(ambassador.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201);
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath()
                .getList("items.network", String.class)).containsExactlyInAnyOrder("facebook", "linkedin");

        Map<String, String> links = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertThat(links).containsOnlyKeys("linkedin", "x");

        String page = RestAssured.given().cookie("chorus_session", ambassador.token()).redirects().follow(false)
                .get("/app").then().statusCode(200).extract().asString();
        assertThat(page).contains("value=\"linkedin\"", "value=\"x\"").doesNotContain("value=\"facebook\"",
                "value=\"whatsapp\"", "value=\"email\"", "value=\"xing\"");

        for (Object networks : List.of(List.of(), List.of("myspace"), List.of(1))) {
            Api.as(admin).body(Map.of("networks", networks)).put("/api/v1/settings/sharing").then().statusCode(400);
        }
        Api.as(admin).get("/api/v1/settings/sharing").then().body("networks", equalTo(List.of("linkedin", "x")));
        Api.as(admin).body(Map.of("disclosure", "")).put("/api/v1/settings/sharing").then().statusCode(200)
                .body("networks", equalTo(List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email")));
    }
}
