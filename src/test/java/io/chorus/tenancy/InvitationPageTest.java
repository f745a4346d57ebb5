package io.chorus.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;

/** The acceptUrl of an invitation opens a page that works without JavaScript. */
@QuarkusTest
class InvitationPageTest {

    @Test
    void theInviteeJoinsThroughThePageAndCanThenLogIn() {
        Org org = Organizations.create();
        String token = invite(org, "page@x.example");

        given().get("/invitations/{t}", token).then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("page@x.example")).body(containsString("action=\"/invitations/" + token + "\""));

        given().formParam("name", "Page Person").formParam("password", "short").post("/invitations/{t}", token).then()
                .statusCode(400).body(containsString("at least 10 characters"))
                .body(containsString("value=\"Page Person\""));
        given().formParam("name", "Page Person").formParam("password", Organizations.PASSWORD)
                .post("/invitations/{t}", token).then().statusCode(200).body(containsString("Welcome aboard"));

        Api.accessToken(org.slug(), "page@x.example", Organizations.PASSWORD);
        given().get("/invitations/{t}", token).then().statusCode(410).body(containsString("already been used"));
    }

    @Test
    void thePageSpeaksFrenchWhenTheBrowserAsks() {
        Org org = Organizations.create();
        String token = invite(org, "fr@x.example");
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/invitations/{t}", token).then()
                .statusCode(200).header("Content-Language", "fr").body(containsString("Choisissez un mot de passe"))
                .body(containsString("lang=\"fr\""));
    }

    @Test
    void whatUsersTypedIsEscaped() {
        Org org = Organizations.create();
        String token = invite(org, "xss@x.example");
        given().formParam("name", "<script>alert(1)</script>").formParam("password", "short")
                .post("/invitations/{t}", token).then().statusCode(400).body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;"));
    }

    @Test
    void anUnknownTokenShowsAFriendlyPage() {
        given().get("/invitations/{t}", "nope").then().statusCode(404).contentType("text/html")
                .body(containsString("cannot be used"));
    }

    private static String invite(Org org, String email) {
        return Api.as(org.admin().token())
                .body(Map.of("email", email, "name", "Invitee", "roles", List.of("ambassador"))).post("/api/v1/members")
                .then().statusCode(201).extract().path("invitation.token");
    }
}
