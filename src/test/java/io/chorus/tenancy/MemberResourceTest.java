package io.chorus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class MemberResourceTest {

    @Test
    void inviteAnswersTheMemberWithAnInvitationValidForSevenDays() {
        Org org = Organizations.create();
        String group = org.group("Sales", "department");

        Response response = Api.as(org.admin().token())
                .body(Map.of("email", "Jane.Doe@Example.com", "name", " Jane Doe ", "roles",
                        List.of("ambassador", "curator"), "groupIds", List.of(group), "language", "fr-FR"))
                .post("/api/v1/members");

        response.then().statusCode(201).header("Location", containsString("/api/v1/members/"))
                .body("email", equalTo("Jane.Doe@Example.com")).body("name", equalTo("Jane Doe"))
                .body("roles", containsInAnyOrder("ambassador", "curator")).body("groupIds", equalTo(List.of(group)))
                .body("status", equalTo("invited")).body("language", equalTo("fr-FR"))
                .body("invitation.acceptUrl", startsWith("http"))
                .body("invitation.acceptUrl", endsWith(response.jsonPath().getString("invitation.token")));
        Instant expires = Instant.parse(response.jsonPath().getString("invitation.expiresAt"));
        assertThat(expires).isBetween(Time.now().plusSeconds(7 * 86400 - 120), Time.now().plusSeconds(7 * 86400 + 120));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", response.jsonPath().getString("id")).then()
                .statusCode(200).body("status", equalTo("invited")).body("$", not(hasKey("invitation")));
    }

    @Test
    void emailsAreUniquePerOrganizationIgnoringCase() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");

        Api.as(org.admin().token())
                .body(Map.of("email", member.email().toUpperCase(), "name", "Twin", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("email-taken"));

        Org other = Organizations.create();
        Api.as(other.admin().token())
                .body(Map.of("email", member.email(), "name", "Same person elsewhere", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201);
    }

    @Test
    void inviteValidatesEveryField() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("email", "not-an-email", "name", "", "roles", List.of()))
                .post("/api/v1/members").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("email", "name", "roles"));
        Api.as(org.admin().token()).body(Map.of("email", "a@b.example", "name", "A", "roles", List.of("superuser")))
                .post("/api/v1/members").then().statusCode(400).body("violations[0].field", startsWith("roles"));
        Api.as(org.admin().token())
                .body(Map.of("email", "a@b.example", "name", "A", "roles", List.of("ambassador"), "language",
                        "not a language"))
                .post("/api/v1/members").then().statusCode(400).body("violations.field", hasItem("language"));
        Api.as(org.admin().token()).get("/api/v1/members?q=a@b.example").then().statusCode(200).body("items",
                hasSize(0));
    }

    @Test
    void groupsOfAnotherOrganizationCannotBeAssigned() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        String foreignGroup = other.group("Foreign", "team");

        Api.as(org.admin().token())
                .body(Map.of("email", "x@y.example", "name", "X", "roles", List.of("ambassador"), "groupIds",
                        List.of(foreignGroup)))
                .post("/api/v1/members").then().statusCode(400).body("violations[0].field", equalTo("groupIds"));
    }

    @Test
    void listFiltersAndPagesThroughEveryMemberExactlyOnce() {
        Org org = Organizations.create();
        String paris = org.group("Paris", "location");
        List<String> expected = new ArrayList<>(List.of(org.admin().id()));
        for (int i = 0; i < 7; i++) {
            expected.add(org.member(i % 2 == 0 ? List.of(paris) : List.of(), "ambassador").id());
        }
        String curator = org.member("curator").id();
        expected.add(curator);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = Api.as(org.admin().token()).queryParam("limit", 4)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/members").then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        Api.as(org.admin().token()).get("/api/v1/members?role=curator").then().body("items.id",
                equalTo(List.of(curator)));
        Api.as(org.admin().token()).get("/api/v1/members?groupId=" + paris).then().body("items", hasSize(4));
        Api.as(org.admin().token()).get("/api/v1/members?role=ambassador&groupId=" + paris).then()
                .body("items", hasSize(4)).body("items.groupIds", everyItem(hasItem(paris)));
        Api.as(org.admin().token()).get("/api/v1/members?status=invited").then().body("items", hasSize(0));
        Api.as(org.admin().token()).get("/api/v1/members?q=ADMIN@").then().body("items.id",
                equalTo(List.of(org.admin().id())));
        Api.as(org.admin().token()).get("/api/v1/members?q=%25").then().body("items", hasSize(0));
    }

    @Test
    void badListParametersAreValidationErrors() {
        Org org = Organizations.create();
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "cursor=garbage!", "role=boss", "status=gone",
                "groupId=not-a-uuid")) {
            Api.as(org.admin().token()).get("/api/v1/members?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("violations", hasSize(1));
        }
    }

    @Test
    void adminChangesRolesGroupsAndStatus() {
        Org org = Organizations.create();
        String team = org.group("Team A", "team");
        Person member = org.member("ambassador");

        Api.as(org.admin().token()).body(Map.of("roles", List.of("curator", "analyst"), "groupIds", List.of(team)))
                .patch("/api/v1/members/{id}", member.id()).then().statusCode(200)
                .body("roles", containsInAnyOrder("curator", "analyst")).body("groupIds", equalTo(List.of(team)));
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of())).patch("/api/v1/members/{id}", member.id())
                .then().statusCode(200).body("groupIds", hasSize(0)).body("roles", hasSize(2));
        Api.as(org.admin().token()).body(Map.of("status", "invited")).patch("/api/v1/members/{id}", member.id()).then()
                .statusCode(400).body("violations[0].field", equalTo("status"));
        Api.as(org.admin().token()).body(Map.of("roles", List.of())).patch("/api/v1/members/{id}", member.id()).then()
                .statusCode(400);
    }

    @Test
    void theLastActiveAdminCannotBeRemoved() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", org.admin().id()).then().statusCode(409)
                .body("type", endsWith("last-admin"));
        Api.as(org.admin().token()).body(Map.of("roles", List.of("ambassador")))
                .patch("/api/v1/members/{id}", org.admin().id()).then().statusCode(409);
        Api.as(org.admin().token()).get("/api/v1/members/{id}", org.admin().id()).then()
                .body("roles", equalTo(List.of("admin"))).body("status", equalTo("active"));

        Person second = org.member("admin");
        Api.as(second.token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", org.admin().id())
                .then().statusCode(200).body("status", equalTo("deactivated"));
    }

    @Test
    void reinvitingReplacesTheEarlierInvitation() {
        Org org = Organizations.create();
        JsonPath invited = Api.as(org.admin().token())
                .body(Map.of("email", "late@x.example", "name", "Late", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).extract().jsonPath();

        String fresh = Api.as(org.admin().token()).post("/api/v1/members/{id}/invitations", invited.getString("id"))
                .then().statusCode(201).extract().path("token");

        Api.anonymous().body(Map.of("name", "Late", "password", Organizations.PASSWORD))
                .post("/api/v1/invitations/{t}/accept", invited.getString("invitation.token")).then().statusCode(410);
        Organizations.accept(fresh, "Late");
        Api.as(org.admin().token()).post("/api/v1/members/{id}/invitations", invited.getString("id")).then()
                .statusCode(409);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseInsteadOfInvitingTwice() {
        Org org = Organizations.create();
        Map<String, Object> body = Map.of("email", "once@x.example", "name", "Once", "roles", List.of("ambassador"));

        Response first = Api.as(org.admin().token()).header("Idempotency-Key", "k-1").body(body)
                .post("/api/v1/members");
        Response retry = Api.as(org.admin().token()).header("Idempotency-Key", "k-1").body(body)
                .post("/api/v1/members");

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location",
                equalTo(first.header("Location")));
        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        Api.as(org.admin().token()).get("/api/v1/members?q=once@").then().body("items", hasSize(1));

        Api.as(org.admin().token()).header("Idempotency-Key", "k-1")
                .body(Map.of("email", "other@x.example", "name", "Other", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(422).contentType("application/problem+json");
        // A failed request stores nothing: after fixing the body, the same key works.
        Api.as(org.admin().token()).header("Idempotency-Key", "k-2")
                .body(Map.of("email", "once@x.example", "name", "Dup", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(409);
        Api.as(org.admin().token()).header("Idempotency-Key", "k-2")
                .body(Map.of("email", "twice@x.example", "name", "Dup", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201);
        // Keys belong to their caller: another admin's k-1 is a new request.
        Person otherAdmin = org.member("admin");
        Api.as(otherAdmin.token()).header("Idempotency-Key", "k-1")
                .body(Map.of("email", "third@x.example", "name", "Third", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }
}
