package io.chorus.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every kind of response carries nosniff, a referrer policy and, for anything a browser could render, a strict CSP. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Headers"));
        String code = Api.as(ambassador.token()).body(Map.of("network", "x"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().path("code");

        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("API JSON", Api.as(ambassador.token()).get("/api/v1/me"));
        responses.put("API 401", Api.anonymous().get("/api/v1/me"));
        responses.put("API 403", Api.as(ambassador.token()).get("/api/v1/audit-events"));
        responses.put("API 404 (no resource)", Api.as(ambassador.token()).get("/api/v1/nothing-here"));
        responses.put("API 400 (bad JSON)", Api.as(ambassador.token()).body("{").post("/api/v1/content"));
        responses.put("API 413", Api.anonymous().body("x".repeat(1_100_000)).post("/api/v1/auth/login"));
        responses.put("HTML page", given().get("/invitations/not-a-token"));
        responses.put("one-click page", given().redirects().follow(false).get("/share/garbage"));
        responses.put("short-link page", given().redirects().follow(false).get("/s/unknown-code"));
        responses.put("short-link redirect", given().redirects().follow(false).get("/s/" + code));
        responses.put("contract", given().get("/q/openapi"));
        responses.put("health", given().get("/q/health/live"));

        for (var entry : responses.entrySet()) {
            Response response = entry.getValue();
            assertThat(response.statusCode()).as(entry.getKey()).isLessThan(500);
            assertThat(response.header("X-Content-Type-Options")).as(entry.getKey()).isEqualTo("nosniff");
            assertThat(response.headers().getValues("Referrer-Policy")).as(entry.getKey()).hasSize(1);
            assertThat(response.headers().getValues("Content-Security-Policy")).as(entry.getKey())
                    .hasSizeLessThanOrEqualTo(1);
            // Swagger UI's part of the service (/q/) keeps its scripts; a redirect has no content to protect.
            if (!List.of("contract", "health", "short-link redirect").contains(entry.getKey())) {
                assertThat(response.header("Content-Security-Policy")).as(entry.getKey()).contains("default-src 'none'")
                        .contains("frame-ancestors 'none'");
            }
        }
        assertThat(responses.get("short-link redirect").statusCode()).isEqualTo(302);
        assertThat(responses.get("short-link redirect").header("Referrer-Policy"))
                .isEqualTo("no-referrer-when-downgrade");
        assertThat(responses.get("API JSON").header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(responses.get("HTML page").contentType()).startsWith("text/html");
        assertThat(responses.get("HTML page").header("Content-Security-Policy")).contains("style-src 'self'");
    }
}
