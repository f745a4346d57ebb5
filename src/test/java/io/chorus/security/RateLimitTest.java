package io.chorus.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The public endpoints that take a secret token answer 429 with Retry-After once a client or link overdoes it. */
@QuarkusTest
class RateLimitTest {

    @Test
    void guessingInvitationTokensIsCutOffForThatAddressOnly() {
        int max = setting("chorus.throttle.invitation-max-failures");
        String guesser = Api.freshClientAddress();
        for (int i = 0; i < max; i++) {
            accept("guess-" + i, guesser).then().statusCode(404);
        }
        Response refused = accept("guess-last", guesser);
        refused.then().statusCode(429).contentType("application/problem+json").body("type",
                endsWith("too-many-invitation-attempts"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        // The page is closed to that address too, and a real invitation from elsewhere still works.
        given().header("X-Forwarded-For", guesser).get("/invitations/another-guess").then().statusCode(429);
        Org org = Organizations.create();
        String token = Api.as(org.admin().token())
                .body(Map.of("email", "late@" + org.slug() + ".example", "name", "Late", "roles",
                        java.util.List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).extract().path("invitation.token");
        accept(token, guesser).then().statusCode(429);
        accept(token, Api.freshClientAddress()).then().statusCode(200);
    }

    @Test
    void aOneClickLinkCanOnlyBeFollowedSoOften() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Limited"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().statusCode(200)
                .extract().path("xing");
        String path = link.substring(link.indexOf("/share/"));
        int max = setting("chorus.throttle.share-link-max-follows");
        for (int i = 0; i < max; i++) {
            follow(path, Api.freshClientAddress()).then().statusCode(302);
        }
        Response refused = follow(path, Api.freshClientAddress());
        refused.then().statusCode(429).contentType("application/problem+json").body("type",
                endsWith("too-many-share-link-requests"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        // Another link of the same member is not affected.
        String other = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().extract()
                .path("email");
        follow(other.substring(other.indexOf("/share/")), Api.freshClientAddress()).then().statusCode(302);
    }

    @Test
    void anAddressWhoseLinksKeepBeingRefusedIsTurnedAway() {
        int max = setting("chorus.throttle.share-link-max-failures");
        String forger = Api.freshClientAddress();
        for (int i = 0; i < max; i++) {
            follow("/share/forged-" + i, forger).then().statusCode(403);
        }
        follow("/share/forged-last", forger).then().statusCode(429).header("Retry-After",
                org.hamcrest.Matchers.notNullValue());
        follow("/share/forged-elsewhere", Api.freshClientAddress()).then().statusCode(403);
    }

    private static int setting(String key) {
        return ConfigProvider.getConfig().getValue(key, Integer.class);
    }

    private static Response accept(String token, String address) {
        return Api.anonymous().header("X-Forwarded-For", address)
                .body(Map.of("name", "Guesser", "password", "long enough password"))
                .post("/api/v1/invitations/{token}/accept", token);
    }

    private static Response follow(String path, String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).get(path);
    }
}
