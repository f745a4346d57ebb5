package io.chorus.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.ScimApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The requests Okta sends to a SCIM 2.0 application, as its "SCIM 2.0 protocol reference" shows them: users looked up
 * with startIndex and count, created (with a password and groups Chorus does not keep), replaced with PUT, deactivated
 * by a path-less PATCH, imported page by page; groups pushed, renamed with their id in the value, members added and
 * removed by value filter.
 */
@QuarkusTest
class OktaProvisioningTest {

    private static final String USER = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
             %s
             "userName": "%s",
             "name": {"givenName": "%s", "familyName": "User"},
             "emails": [{"primary": true, "value": "%s", "type": "work"}],
             "displayName": "%s User",
             "locale": "en-US",
             "externalId": "00ujl29u0le5T6Aj10h7",
             "groups": [],
             "password": "1mz050nq",
             "active": true}""";

    @Test
    void usersAreCreatedReplacedAndDeactivated() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String userName = "test.user@" + org.slug() + ".example";

        ScimApi.as(scim).queryParam("filter", "userName eq \"" + userName + "\"").queryParam("startIndex", 1)
                .queryParam("count", 100).get("/scim/v2/Users").then().statusCode(200).body("totalResults", equalTo(0));
        String id = ScimApi.as(scim).body(USER.formatted("", userName, "Test", userName, "Test")).post("/scim/v2/Users")
                .then().statusCode(201).body("displayName", equalTo("Test User"))
                .body("name.familyName", equalTo("User")).body("externalId", equalTo("00ujl29u0le5T6Aj10h7")).extract()
                .path("id");
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().statusCode(200).body("userName", equalTo(userName));

        ScimApi.as(scim).body(USER.formatted("\"id\": \"" + id + "\",", userName, "Another", userName, "Another"))
                .put("/scim/v2/Users/{id}", id).then().statusCode(200).body("displayName", equalTo("Another User"))
                .body("name.givenName", equalTo("Another")).body("active", equalTo(true));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("name", equalTo("Another User"));

        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"password": "t1meMa$heen"}}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(true));
        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""").patch("/scim/v2/Users/{id}", id)
                .then().statusCode(200).body("active", equalTo(false));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("deactivated"));
        // Okta reactivates with a PUT of the whole user.
        ScimApi.as(scim).body(USER.formatted("", userName, "Another", userName, "Another"))
                .put("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(true));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("active"));
    }

    @Test
    void importPagesThroughEveryUserWithStartIndexAndCount() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(ScimApi.user(scim, "u" + i + "@" + org.slug() + ".example"));
        }
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 7; start += 2) {
            JsonPath page = ScimApi.as(scim).queryParam("startIndex", start).queryParam("count", 2)
                    .get("/scim/v2/Users").then().statusCode(200).extract().jsonPath();
            // The organization's admin is a user too: six in all.
            assertThat(page.getInt("totalResults")).isEqualTo(6);
            assertThat(page.getInt("startIndex")).isEqualTo(start);
            assertThat(page.getInt("itemsPerPage")).isEqualTo(start <= 5 ? 2 : 0);
            seen.addAll(page.getList("Resources.id", String.class));
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates().containsAll(created).contains(org.admin().id());
        ScimApi.as(scim).queryParam("count", 0).get("/scim/v2/Users").then().body("totalResults", equalTo(6))
                .body("Resources", empty());
        ScimApi.as(scim).queryParam("startIndex", -4).queryParam("count", 1).get("/scim/v2/Users").then()
                .body("startIndex", equalTo(1)).body("Resources[0].id", equalTo(org.admin().id()));
    }

    @Test
    void pushedGroupsAreRenamedAndTheirMembersAddedAndRemoved() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String user = ScimApi.user(scim, "pushed@" + org.slug() + ".example");

        ScimApi.as(scim).queryParam("filter", "displayName eq \"Test SCIMv2\"").queryParam("startIndex", 1)
                .queryParam("count", 100).get("/scim/v2/Groups").then().body("totalResults", equalTo(0));
        String group = ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Test SCIMv2",
                 "members": []}""").post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"op": "replace", "value": {"id": "%s", "displayName": "Test SCIMv2 renamed"}}""".formatted(group))
                .statusCode(204);
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"op": "add", "path": "members", "value": [{"value": "%s", "display": "pushed"}]}""".formatted(user))
                .statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().body("displayName", equalTo("Test SCIMv2 renamed"))
                .body("members.value", equalTo(List.of(user))).body("members[0].display", equalTo("Ada Lovelace"));
        ScimApi.as(scim).queryParam("filter", "members[value eq \"" + user + "\"]").get("/scim/v2/Groups").then()
                .body("Resources.id", hasItem(group));
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(user)).statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().body("members", empty());

        // An older Okta replaces the whole group with PUT.
        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "%s", "displayName": "Test SCIMv2",
                 "members": [{"value": "%s", "display": "pushed"}]}""".formatted(group, user))
                .put("/scim/v2/Groups/{id}", group).then().statusCode(200).body("displayName", equalTo("Test SCIMv2"))
                .body("members.value", equalTo(List.of(user)));
        ScimApi.as(scim).delete("/scim/v2/Groups/{id}", group).then().statusCode(204);
        ScimApi.as(scim).delete("/scim/v2/Groups/{id}", group).then().statusCode(404);
    }
}
