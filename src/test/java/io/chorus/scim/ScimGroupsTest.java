package io.chorus.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.ScimApi;
import io.quarkus.test.junit.QuarkusTest;

/** Groups beyond the identity providers' scripts: groups admins made, names, ETags, whole member lists. */
@QuarkusTest
class ScimGroupsTest {

    @Test
    void anAdminsGroupIsMatchedByNameAndNamesAreUnique() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String paris = org.group("Paris", "location");

        ScimApi.as(scim).queryParam("filter", "displayName eq \"PARIS\"").queryParam("excludedAttributes", "members")
                .get("/scim/v2/Groups").then().statusCode(200).body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(paris)).body("Resources[0].members", nullValue())
                .body("Resources[0].meta.location", endsWith("/scim/v2/Groups/" + paris));
        ScimApi.as(scim).body("{\"displayName\": \"paris\"}").post("/scim/v2/Groups").then().statusCode(409)
                .body("scimType", equalTo("uniqueness"));
        ScimApi.patch(scim, "/scim/v2/Groups/" + paris, "{\"op\": \"replace\", \"value\": {\"externalId\": \"g-1\"}}")
                .statusCode(204);
        // The identity provider's changes keep what only Chorus knows: the kind.
        Api.as(org.admin().token()).get("/api/v1/groups/{id}", paris).then().body("kind", equalTo("location"));
        ScimApi.as(scim).queryParam("filter", "externalId eq \"g-1\"").get("/scim/v2/Groups").then()
                .body("Resources[0].id", equalTo(paris));
        ScimApi.as(scim).queryParam("filter", "externalId eq \"G-1\"").get("/scim/v2/Groups").then()
                .body("totalResults", equalTo(0));
        ScimApi.as(scim).body("{\"displayName\": \"Lyon\", \"externalId\": \"g-1\"}").post("/scim/v2/Groups").then()
                .statusCode(409).body("scimType", equalTo("uniqueness"));
        ScimApi.patch(scim, "/scim/v2/Groups/" + paris, "{\"op\": \"remove\", \"path\": \"displayName\"}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", paris).then().body("displayName", equalTo("Paris"));
    }

    @Test
    void membersAreReplacedWholeAndEveryChangeIsANewVersion() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String a = ScimApi.user(scim, "a@" + org.slug() + ".example");
        String b = ScimApi.user(scim, "b@" + org.slug() + ".example");
        String c = ScimApi.user(scim, "c@" + org.slug() + ".example");
        String group = ScimApi.as(scim).body("{\"displayName\": \"Team\", \"members\": [{\"value\": \"" + a + "\"}]}")
                .post("/scim/v2/Groups").then().statusCode(201).body("members.value", equalTo(List.of(a))).extract()
                .header("ETag");

        String id = ScimApi.onlyId(scim, "Groups", "displayName eq \"Team\"");
        String etag = ScimApi.patch(scim, "/scim/v2/Groups/" + id, """
                {"op": "replace", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]},
                {"op": "add", "path": "members", "value": [{"value": "%s"}]},
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(a, b, c, b)).statusCode(204)
                .extract().header("ETag");
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", id).then().header("ETag", equalTo(etag)).body("members.value",
                equalTo(List.of(a, c)));
        assertThat(etag).isNotEqualTo(group);

        ScimApi.as(scim).header("If-Match", group).body("{\"displayName\": \"Stale\"}").put("/scim/v2/Groups/{id}", id)
                .then().statusCode(412);
        // A member deleted in the identity provider is no longer one of the group's users.
        ScimApi.as(scim).delete("/scim/v2/Users/{id}", c).then().statusCode(204);
        String afterDelete = ScimApi.as(scim).get("/scim/v2/Groups/{id}", id).then()
                .body("members.value", equalTo(List.of(a))).extract().header("ETag");
        assertThat(afterDelete).as("what the group shows changed").isNotEqualTo(etag);
        ScimApi.patch(scim, "/scim/v2/Groups/" + id, "{\"op\": \"remove\", \"path\": \"members\"}").statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", id).then().body("members", empty());
        ScimApi.patch(scim, "/scim/v2/Groups/" + id,
                "{\"op\": \"add\", \"path\": \"members\", \"value\": " + "[{\"value\": \"not-an-id\"}]}")
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        ScimApi.as(scim).queryParam("filter", "members[value eq \"" + a + "\"]").get("/scim/v2/Groups").then()
                .body("totalResults", equalTo(0));
    }

    @Test
    void aGroupContentIsAimedAtIsNotDeleted() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String group = ScimApi.as(scim).body("{\"displayName\": \"Aimed at\"}").post("/scim/v2/Groups").then()
                .statusCode(201).extract().path("id");
        String curator = org.member("curator").token();
        Contents.published(curator, Contents.body("For the group", List.of(group)));

        ScimApi.as(scim).delete("/scim/v2/Groups/{id}", group).then().statusCode(409).contentType(ScimApi.MEDIA_TYPE)
                .body("status", equalTo("409")).body("detail", equalTo("1 content item(s) and 0 campaign(s) are"
                        + " aimed at this group; take it out of their audience first, or they would reach every member."));
        Api.as(org.admin().token()).get("/api/v1/groups/{id}", group).then().statusCode(200).body("name",
                equalTo("Aimed at"));
        Api.as(org.admin().token()).queryParam("action", "group.created").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(group)).body("items[0].detail",
                        equalTo(Map.of("name", "Aimed at", "kind", "team", "client",
                                "scim-token:" + Api.as(org.admin().token()).get("/api/v1/settings/scim-tokens").then()
                                        .extract().path("items[0].id"))));
    }
}
