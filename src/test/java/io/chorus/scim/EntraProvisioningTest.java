package io.chorus.scim;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.ScimApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The requests Microsoft Entra ID's provisioning service sends, as its documentation shows them ("Tutorial: Develop and
 * plan provisioning for a SCIM endpoint", user and group operations, and "Known issues ... SCIM 2.0 protocol
 * compliance": {@code "Replace"}, {@code "False"} as a string, members removed by value), replayed in its order: look
 * the user up, create it, change it, disable it, delete it; create a group, add and remove its members.
 */
@QuarkusTest
class EntraProvisioningTest {

    private static final String CREATE_USER = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
             "userName": "%s",
             "active": true,
             "emails": [{"primary": true, "type": "work", "value": "%s"}],
             "meta": {"resourceType": "User"},
             "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
             "roles": []}""";

    @Test
    void usersAreLookedUpCreatedChangedDisabledAndDeleted() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String userName = "ada.lovelace@" + org.slug() + ".example";

        ScimApi.as(scim).queryParam("filter", "userName eq \"" + userName + "\"").get("/scim/v2/Users").then()
                .statusCode(200).contentType(ScimApi.MEDIA_TYPE)
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse")))
                .body("totalResults", equalTo(0)).body("Resources", empty());
        String id = ScimApi.as(scim).body(CREATE_USER.formatted(userName, userName)).post("/scim/v2/Users").then()
                .statusCode(201).contentType(ScimApi.MEDIA_TYPE).header("ETag", equalTo("W/\"1\""))
                .body("userName", equalTo(userName)).body("displayName", equalTo("Ada Lovelace"))
                .body("name.givenName", equalTo("Ada")).body("active", equalTo(true))
                .body("externalId", equalTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"))
                .body("meta.resourceType", equalTo("User")).extract().path("id");
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().statusCode(200).body("id", equalTo(id))
                .body("emails[0].value", equalTo(userName));
        ScimApi.as(scim).queryParam("filter", "userName eq \"" + userName.toUpperCase() + "\"").get("/scim/v2/Users")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        // A member of Chorus now: an active ambassador with no invitation to accept.
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().statusCode(200)
                .body("email", equalTo(userName)).body("status", equalTo("active"))
                .body("roles", equalTo(List.of("ambassador")));

        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "other@example.com"},
                   {"op": "Replace", "path": "name.familyName", "value": "King"},
                   {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                    "value": [{"$ref": null, "value": "someone"}]}]}""").patch("/scim/v2/Users/{id}", id).then()
                .statusCode(200).body("name.familyName", equalTo("King")).body("emails[0].value", equalTo(userName))
                .header("ETag", equalTo("W/\"2\""));
        String renamed = "ada.king@" + org.slug() + ".example";
        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "userName", "value": "%s"},
                                {"op": "Replace", "path": "displayName", "value": "Ada King"}]}""".formatted(renamed))
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("userName", equalTo(renamed))
                .body("displayName", equalTo("Ada King"));

        // Disabled, as Entra writes it before its 2020 fix: "Replace", and a boolean as the string "False".
        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("deactivated"));
        ScimApi.as(scim).queryParam("filter", "userName eq \"" + renamed + "\"").get("/scim/v2/Users").then()
                .body("Resources[0].active", equalTo(false));
        // ...and enabled again, in the compliant form.
        ScimApi.as(scim).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": true, "name.givenName": "Augusta"}}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(true))
                .body("name.givenName", equalTo("Augusta"));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("active"));

        ScimApi.as(scim).delete("/scim/v2/Users/{id}", id).then().statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().statusCode(404).contentType(ScimApi.MEDIA_TYPE)
                .body("status", equalTo("404"))
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:Error")));
        // The member stays, deactivated, as an admin's deactivation leaves them.
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().statusCode(200).body("status",
                equalTo("deactivated"));
    }

    @Test
    void groupsAreCreatedRenamedAndTheirMembersAddedAndRemoved() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String first = ScimApi.user(scim, "first@" + org.slug() + ".example");
        String second = ScimApi.user(scim, "second@" + org.slug() + ".example");

        ScimApi.as(scim).queryParam("excludedAttributes", "members").queryParam("filter", "displayName eq \"Sales\"")
                .get("/scim/v2/Groups").then().statusCode(200).body("totalResults", equalTo(0));
        String group = ScimApi.as(scim).body("""
                {"externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", "displayName": "Sales",
                 "meta": {"resourceType": "Group"},
                 "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group"]}""")
                .post("/scim/v2/Groups").then().statusCode(201).body("displayName", equalTo("Sales"))
                .body("members", empty()).extract().path("id");
        ScimApi.as(scim).queryParam("excludedAttributes", "members").get("/scim/v2/Groups/{id}", group).then()
                .statusCode(200).body("displayName", equalTo("Sales")).body("members", nullValue());

        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"op": "Replace", "path": "displayName", "value": "Sales EMEA"}""").statusCode(204);
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"name": "addMember", "op": "Add", "path": "members",
                 "value": [{"$ref": null, "value": "%s"}, {"$ref": null, "value": "%s"}]}""".formatted(first, second))
                .statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().body("displayName", equalTo("Sales EMEA"))
                .body("members", hasSize(2)).body("members.value", equalTo(List.of(first, second)));
        Api.as(org.admin().token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(2));

        // Removed as Entra did before 2020 (the members as the value)...
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"name": "removeMember", "op": "Remove", "path": "members",
                 "value": [{"$ref": null, "value": "%s"}]}""".formatted(first)).statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().body("members.value", equalTo(List.of(second)));
        // ...and as it does since, by a value filter.
        ScimApi.patch(scim, "/scim/v2/Groups/" + group, """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(second)).statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().body("members", empty());
        Api.as(org.admin().token()).get("/api/v1/members/{id}", first).then().body("groupIds", empty());

        ScimApi.as(scim).delete("/scim/v2/Groups/{id}", group).then().statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Groups/{id}", group).then().statusCode(404);
        Api.as(org.admin().token()).get("/api/v1/members/{id}", first).then().statusCode(200);
    }
}
