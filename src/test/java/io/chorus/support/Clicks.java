package io.chorus.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.restassured.path.json.JsonPath;

/** Follows short links the way visitors do, and waits for the click writer to count them. */
public final class Clicks {

    public static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String LINKEDIN_BOT = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)";

    private Clicks() {
    }

    /** A visit to {@code /s/{code}} from this client address and user agent; answered with the redirect. */
    public static void follow(String code, String clientAddress, String userAgent) {
        given().redirects().follow(false).header("X-Forwarded-For", clientAddress).header("User-Agent", userAgent)
                .get("/s/{code}", code).then().statusCode(302);
    }

    /**
     * Polls the share (as someone who may read it) until its human clicks and robot hits add up to {@code hits}, for at
     * most 15 seconds; answers the share as last read.
     */
    public static JsonPath awaitHits(String token, String shareId, long hits) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonPath share;
        do {
            share = Api.as(token).get("/api/v1/shares/{id}", shareId).then().statusCode(200).extract().jsonPath();
        } while (share.getLong("clicks") + share.getLong("robotHits") < hits && System.nanoTime() < deadline);
        assertThat(share.getLong("clicks") + share.getLong("robotHits")).as("hits on share %s", shareId)
                .isEqualTo(hits);
        return share;
    }
}
