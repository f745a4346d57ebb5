package io.chorus.sharing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShortLinkTest {

    @Test
    void theShortLinkRedirectsToTheContentWithUtmParametersAndOutlivesArchiving() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Map<String, Object> body = Contents.body("Tracked");
        body.put("url", "https://news.example.com/story?id=42#comments");
        String content = Contents.published(curator.token(), body);
        String code = Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().path("code");
        String expected = "https://news.example.com/story?id=42&utm_source=linkedin&utm_medium=employee_advocacy"
                + "&utm_campaign=always-on&utm_content=" + code + "#comments";

        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302)
                .header("Location", equalTo(expected)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer-when-downgrade");
        given().redirects().follow(false).header("User-Agent", "LinkedInBot/1.0").get("/s/{code}", code).then()
                .statusCode(302);

        Api.as(curator.token()).post("/api/v1/content/{id}/archive", content).then().statusCode(200);
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location",
                equalTo(expected));
    }

    @Test
    void anUnknownCodeIsA404Page() {
        given().redirects().follow(false).get("/s/{code}", "nosuchcode").then().statusCode(404).contentType("text/html")
                .body(containsString("does not exist"));
        given().redirects().follow(false).get("/s/{code}", "x".repeat(300)).then().statusCode(404);
    }
}
