package io.chorus.sharing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.content.Network;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OneClickShareTest {

    @Inject
    ShareLinkTokens tokens;

    @Test
    void followingALinkSharesWithoutLoginAndOpensTheNetworksDialog() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("One click"));

        Map<String, String> links = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertThat(links).containsOnlyKeys("linkedin", "x", "facebook", "xing", "whatsapp", "email");
        assertThat(links.values()).allMatch(link -> link.startsWith("http://localhost:8080/share/"));

        Response first = follow(links.get("x"));
        Response again = follow(links.get("x"));

        first.then().statusCode(302).header("Location", startsWith("https://x.com/intent/tweet?text="));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(1)).body("items[0].network",
                equalTo("x"));
        Api.as(ambassador.token()).get("/api/v1/feed").then().body("items[0].sharedByMe", equalTo(true));
    }

    @Test
    void aTamperedOrExpiredLinkIsRefusedWithAFriendlyPage() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Guarded"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().extract()
                .path("linkedin");
        String token = link.substring(link.lastIndexOf('/') + 1);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String expired = tokens
                .sign(new ShareLinkTokens.Claims(UUID.fromString(org.id()), UUID.fromString(ambassador.id()),
                        UUID.fromString(content), Network.LINKEDIN, Time.now().minusSeconds(1)));

        follow("/share/" + tampered).then().statusCode(403).contentType("text/html")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("altered"));
        follow("/share/garbage").then().statusCode(403);
        follow("/share/" + expired).then().statusCode(403).body(containsString("expired"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(0));
    }

    @Test
    void contentNoLongerShareableIsGoneAndAnotherOrganizationsContentIsNeverShared() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Soon archived"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().extract()
                .path("facebook");
        Api.as(curator.token()).post("/api/v1/content/{id}/archive", content).then().statusCode(200);

        follow(link).then().statusCode(410).contentType("text/html").body(containsString("no longer"));

        Org other = Organizations.create();
        String foreign = Contents.published(other.member("curator").token(), Contents.body("Theirs"));
        String crossed = tokens.sign(new ShareLinkTokens.Claims(UUID.fromString(org.id()),
                UUID.fromString(ambassador.id()), UUID.fromString(foreign), Network.X, Time.now().plusSeconds(60)));
        follow("/share/" + crossed).then().statusCode(410);
        Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", foreign).then().statusCode(404);
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(0));
    }

    @Test
    void aDeactivatedMembersLinksStopWorking() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Leaver"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().extract()
                .path("xing");
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", ambassador.id())
                .then().statusCode(200);

        follow(link).then().statusCode(403);
    }

    private static Response follow(String link) {
        String path = link.startsWith("http") ? link.substring(link.indexOf("/share/")) : link;
        return given().redirects().follow(false).get(path);
    }
}
