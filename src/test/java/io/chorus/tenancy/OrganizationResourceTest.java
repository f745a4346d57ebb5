package io.chorus.tenancy;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrganizationResourceTest {

    @Test
    void operatorCreatesAnOrganizationWhoseAdminIsInvited() {
        String operator = Organizations.operatorToken();
        var created = Api.as(operator)
                .body(Map.of("slug", "acme-" + System.nanoTime(), "name", "ACME", "adminEmail", "boss@acme.example",
                        "adminName", "Boss"))
                .post("/api/v1/organizations").then().statusCode(201).body("name", equalTo("ACME")).extract()
                .jsonPath();

        Api.as(operator).get("/api/v1/organizations/{id}", created.getString("id")).then().statusCode(200).body("slug",
                equalTo(created.getString("slug")));
        String adminId = Organizations.accept(created.getString("adminInvitation.token"), "Boss");
        String admin = Api.accessToken(created.getString("slug"), "boss@acme.example", Organizations.PASSWORD);
        Api.as(admin).get("/api/v1/me").then().statusCode(200).body("id", equalTo(adminId))
                .body("roles", equalTo(List.of("admin"))).body("organization.name", equalTo("ACME"));
    }

    @Test
    void slugsAreUniqueAndWellFormed() {
        Org existing = Organizations.create();
        String operator = Organizations.operatorToken();
        Api.as(operator)
                .body(Map.of("slug", existing.slug(), "name", "Copy", "adminEmail", "a@b.example", "adminName", "A"))
                .post("/api/v1/organizations").then().statusCode(409).body("type", endsWith("slug-taken"));
        for (String slug : List.of("Has Caps", "-leading", "trailing-", "a".repeat(64), "")) {
            Api.as(operator).body(Map.of("slug", slug, "name", "Bad", "adminEmail", "a@b.example", "adminName", "A"))
                    .post("/api/v1/organizations").then().statusCode(400).body("violations.field", hasItem("slug"));
        }
    }

    @Test
    void theOperatorSeesOrganizationsButNothingInsideThem() {
        Org org = Organizations.create();
        String operator = Organizations.operatorToken();
        Api.as(operator).get("/api/v1/organizations?limit=100").then().statusCode(200);
        for (String path : List.of("/api/v1/members", "/api/v1/groups", "/api/v1/me")) {
            Api.as(operator).get(path).then().statusCode(403);
        }
        Api.as(operator).get("/api/v1/members/{id}", org.admin().id()).then().statusCode(403);
    }

    @Test
    void organizationsArePagedBySlug() {
        Organizations.create();
        Organizations.create();
        String operator = Organizations.operatorToken();
        String cursor = Api.as(operator).get("/api/v1/organizations?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("nextCursor");
        Api.as(operator).get("/api/v1/organizations?limit=1&cursor=" + cursor).then().statusCode(200).body("items",
                hasSize(1));
    }
}
