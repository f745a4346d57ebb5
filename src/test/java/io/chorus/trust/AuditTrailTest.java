package io.chorus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditTrailTest {

    @Test
    void memberChangesInvitationsAndContentDecisionsAreOnTheTrailNewestFirst() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("roles", List.of("ambassador", "analyst")))
                .patch("/api/v1/members/{id}", ambassador.id()).then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", ambassador.id())
                .then().statusCode(200);
        String content = Contents.published(curator.token(), Contents.body("Audited"));
        Api.as(curator.token()).post("/api/v1/content/{id}/archive", content).then().statusCode(200);

        List<Map<String, Object>> items = all(org, "");
        List<String> actions = items.stream().map(e -> (String) e.get("action")).toList();
        assertThat(actions).containsSubsequence("content.archived", "content.published", "member.status.changed",
                "member.roles.changed", "invitation.accepted", "member.invited");
        // The operator's request wrote these two in the same millisecond.
        assertThat(actions.subList(actions.size() - 2, actions.size())).containsExactlyInAnyOrder("member.invited",
                "organization.created");
        Map<String, Object> roles = items.get(actions.indexOf("member.roles.changed"));
        assertThat(roles).containsEntry("actorId", org.admin().id()).containsEntry("targetType", "member")
                .containsEntry("targetId", ambassador.id());
        assertThat(roles.get("detail")).isEqualTo(Map.of("from", List.of("ambassador"), "to",
                List.of("analyst", "ambassador").stream().sorted().toList()));
        assertThat(items.get(actions.indexOf("member.status.changed")).get("detail"))
                .isEqualTo(Map.of("from", "active", "to", "deactivated"));
        assertThat(items.get(actions.indexOf("content.archived"))).containsEntry("actorId", curator.id())
                .containsEntry("targetId", content);
    }

    @Test
    void groupChangesAndMembershipChangesAreOnTheTrail() {
        Org org = Organizations.create();
        String sales = org.group("Sales", "department");
        Person member = org.member(List.of(sales), "ambassador");
        String paris = org.group("Paris", "location");
        Api.as(org.admin().token()).body(Map.of("name", "Sales EMEA")).patch("/api/v1/groups/{id}", sales).then()
                .statusCode(200);
        Api.as(org.admin().token()).body(Map.of("name", "Sales EMEA")).patch("/api/v1/groups/{id}", sales).then()
                .statusCode(200);
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of(sales, paris)))
                .patch("/api/v1/members/{id}", member.id()).then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of(paris, sales)))
                .patch("/api/v1/members/{id}", member.id()).then().statusCode(200);
        Api.as(org.admin().token()).delete("/api/v1/groups/{id}", sales).then().statusCode(204);

        assertThat(all(org, "?action=group.created")).extracting(e -> e.get("detail")).containsExactly(
                Map.of("name", "Paris", "kind", "location"), Map.of("name", "Sales", "kind", "department"));
        assertThat(all(org, "?action=group.changed")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actorId", org.admin().id()).containsEntry("targetType", "group")
                    .containsEntry("targetId", sales);
            assertThat(e.get("detail")).isEqualTo(Map.of("from", Map.of("name", "Sales", "kind", "department"), "to",
                    Map.of("name", "Sales EMEA", "kind", "department")));
        });
        assertThat(all(org, "?action=member.groups.changed")).singleElement().satisfies(e -> assertThat(e.get("detail"))
                .isEqualTo(Map.of("from", List.of(sales), "to", List.of(sales, paris).stream().sorted().toList())));
        assertThat(all(org, "?action=group.deleted")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("targetId", sales);
            assertThat(e.get("detail")).isEqualTo(Map.of("name", "Sales EMEA", "kind", "department", "members", 1));
        });
    }

    @Test
    void theTrailIsCursorPagedAndFiltersByActionAndActor() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        for (int i = 0; i < 3; i++) {
            Contents.published(curator.token(), Contents.body("Item " + i));
        }
        List<Map<String, Object>> everything = all(org, "");
        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = Api.as(org.admin().token())
                    .get("/api/v1/audit-events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(everything);

        Api.as(org.admin().token()).get("/api/v1/audit-events?action=content.published").then().statusCode(200)
                .body("items", hasSize(3));
        Api.as(org.admin().token()).get("/api/v1/audit-events?actorId=" + curator.id()).then().body("items", hasSize(4))
                .body("items.actorId", everyItem(equalTo(curator.id())));
        Api.as(org.admin().token()).get("/api/v1/audit-events?actorId=nope").then().statusCode(400)
                .body("violations[0].field", equalTo("actorId"));
        Api.as(org.admin().token()).get("/api/v1/audit-events?cursor=bm9wZQ").then().statusCode(400);
        Api.as(org.admin().token()).get("/api/v1/audit-events?limit=101").then().statusCode(400);
        // Another organization's trail is not part of this one.
        Org other = Organizations.create();
        Api.as(other.admin().token()).get("/api/v1/audit-events?actorId=" + curator.id()).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void failedAndThrottledLoginsAreAuditedWithAHashedClientAddress() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String address = Api.freshClientAddress();
        for (int i = 0; i < 6; i++) {
            Api.login(org.slug(), ambassador.email(), "wrong password " + i, address);
        }
        Api.login(org.slug(), "nobody@" + org.slug() + ".example", "wrong password", address).then().statusCode(401);

        List<Map<String, Object>> failed = all(org, "?action=auth.login.failed");
        assertThat(failed).hasSize(6);
        assertThat(failed.get(0)).containsEntry("targetType", "organization").containsEntry("targetId", org.id())
                .containsEntry("actorId", null);
        assertThat(failed.get(1)).containsEntry("targetType", "member").containsEntry("targetId", ambassador.id());
        String client = (String) ((Map<?, ?>) failed.get(1).get("detail")).get("client");
        assertThat(client).matches("[0-9a-f]{32}");
        assertThat(failed).allSatisfy(e -> assertThat(e.get("detail")).isEqualTo(Map.of("client", client)));
        assertThat(all(org, "?action=auth.login.throttled")).singleElement()
                .satisfies(e -> assertThat(e.get("detail")).isEqualTo(Map.of("client", client)));
        String everything = Api.as(org.admin().token()).get("/api/v1/audit-events?limit=100").asString();
        assertThat(everything).doesNotContain(address).doesNotContain("wrong password");
        // Another client gets another hash.
        Api.login(org.slug(), "else@" + org.slug() + ".example", "wrong again", Api.freshClientAddress());
        assertThat(all(org, "?action=auth.login.failed").get(0).get("detail")).isNotEqualTo(Map.of("client", client));
    }

    private static List<Map<String, Object>> all(Org org, String query) {
        return Api.as(org.admin().token())
                .get("/api/v1/audit-events" + query + (query.isEmpty() ? "?" : "&") + "limit=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }
}
