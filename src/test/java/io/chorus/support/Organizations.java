package io.chorus.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/**
 * Creates organizations and members through the public API, as an operator and an admin would. Every test makes its
 * own, so tests never depend on each other's data.
 */
public final class Organizations {

    public static final String OPERATOR_EMAIL = "operator@test.example";
    public static final String OPERATOR_PASSWORD = "operator-test-password";
    public static final String PASSWORD = "correct horse battery";

    private Organizations() {
    }

    public record Org(String id, String slug, Person admin) {

        /** Invites a member with these roles, accepts the invitation and logs them in. */
        public Person member(String... roles) {
            return member(List.of(), roles);
        }

        public Person member(List<String> groupIds, String... roles) {
            String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@" + slug + ".example";
            JsonPath invited = Api
                    .as(admin.token()).body(Map.of("email", email, "name", "Member " + email, "roles",
                            Arrays.asList(roles), "groupIds", groupIds))
                    .post("/api/v1/members").then().statusCode(201).extract().jsonPath();
            accept(invited.getString("invitation.token"), "Member " + email);
            return new Person(invited.getString("id"), email, Api.accessToken(slug, email, PASSWORD));
        }

        public String group(String name, String kind) {
            return Api.as(admin.token()).body(Map.of("name", name, "kind", kind)).post("/api/v1/groups").then()
                    .statusCode(201).extract().path("id");
        }
    }

    public record Person(String id, String email, String token) {
    }

    public static String operatorToken() {
        return Api.accessToken(null, OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** A new organization whose admin has accepted the invitation and is logged in. */
    public static Org create() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 12);
        String adminEmail = "admin@" + slug + ".example";
        JsonPath created = Api.as(operatorToken())
                .body(Map.of("slug", slug, "name", "Org " + slug, "adminEmail", adminEmail, "adminName", "Admin"))
                .post("/api/v1/organizations").then().statusCode(201).extract().jsonPath();
        String adminId = accept(created.getString("adminInvitation.token"), "Admin");
        return new Org(created.getString("id"), slug,
                new Person(adminId, adminEmail, Api.accessToken(slug, adminEmail, PASSWORD)));
    }

    public static String accept(String token, String name) {
        return Api.anonymous().body(Map.of("name", name, "password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", token).then().statusCode(200).extract().path("memberId");
    }

}
