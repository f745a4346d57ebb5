package io.chorus.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.chorus.support.Organizations.Org;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a site does to report conversions: a key of the organization's, the click id a visitor lands with, a report. */
public final class Conversions {

    private Conversions() {
    }

    /** A new secret conversion key of the organization's, as its admin makes it. */
    public static String key(Org org) {
        return Api.as(org.admin().token()).body(Map.of("name", "Shop")).post("/api/v1/settings/conversion-keys").then()
                .statusCode(201).extract().path("key");
    }

    /**
     * Follows the short link from a client of its own (signed in as {@code session}, if not null); answers the click id
     * the redirect handed out.
     */
    public static String click(String code, String userAgent, String session) {
        RequestSpecification visit = given().redirects().follow(false)
                .header("X-Forwarded-For", Api.freshClientAddress()).header("User-Agent", userAgent);
        if (session != null) {
            visit = visit.auth().oauth2(session);
        }
        String location = visit.get("/s/{code}", code).then().statusCode(302).extract().header("Location");
        return location.substring(location.indexOf("chorus_click=") + "chorus_click=".length());
    }

    /** A report with the key, from the {@code origin}'s pages (null: from a server). */
    public static Response report(String key, Map<String, ?> body, String origin) {
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + key).body(new HashMap<>(body));
        if (origin != null) {
            request = request.header("Origin", origin);
        }
        return request.post("/api/v1/conversions");
    }
}
