package io.chorus.scim;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.chorus.common.SecretTokens;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.chorus.support.ScimApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * SCIM tokens: who manages them, how they are kept, and that one opens its own organization's SCIM and nothing else.
 */
@QuarkusTest
public class ScimAccessTest {

    /** Every SCIM operation of the contract ({@code SecurityMatrixTest} leaves them to this test). */
    public static final List<String> OPERATIONS = List.of("POST /scim/v2/Users", "GET /scim/v2/Users",
            "GET /scim/v2/Users/{id}", "PUT /scim/v2/Users/{id}", "PATCH /scim/v2/Users/{id}",
            "DELETE /scim/v2/Users/{id}", "POST /scim/v2/Groups", "GET /scim/v2/Groups", "GET /scim/v2/Groups/{id}",
            "PUT /scim/v2/Groups/{id}", "PATCH /scim/v2/Groups/{id}", "DELETE /scim/v2/Groups/{id}",
            "GET /scim/v2/ServiceProviderConfig", "GET /scim/v2/ResourceTypes", "GET /scim/v2/ResourceTypes/{id}",
            "GET /scim/v2/Schemas", "GET /scim/v2/Schemas/{id}");

    @Inject
    DataSource database;

    @Test
    void anAdminCreatesATokenSeenOnceListsItAndRevokesIt() {
        Org org = Organizations.create();
        JsonPath created = Api.as(org.admin().token()).body(Map.of("name", "Entra ID"))
                .post("/api/v1/settings/scim-tokens").then().statusCode(201).header("Location", nullValue())
                .body("name", equalTo("Entra ID")).body("token", startsWith("chorus_scim_")).extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("token");
        Assertions.assertThat(Rows.of(database, "select token_hash from scim_tokens where id = '" + id + "'"))
                .containsExactly(SecretTokens.hash(token));

        Api.as(org.admin().token()).get("/api/v1/settings/scim-tokens").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].name", equalTo("Entra ID"))
                .body("items[0].createdBy", equalTo(org.admin().id())).body("items[0].lastUsedAt", nullValue())
                .body("items[0].token", nullValue()).body("nextCursor", nullValue());
        ScimApi.as(token).get("/scim/v2/Users").then().statusCode(200);
        Api.as(org.admin().token()).get("/api/v1/settings/scim-tokens").then().body("items[0].lastUsedAt",
                notNullValue());

        Api.as(org.admin().token()).delete("/api/v1/settings/scim-tokens/{id}", id).then().statusCode(204);
        ScimApi.as(token).get("/scim/v2/Users").then().statusCode(401).contentType(ScimApi.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", equalTo("401"));
        Api.as(org.admin().token()).delete("/api/v1/settings/scim-tokens/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(org.admin().token()).queryParam("action", "scim.token.created").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(id)).body("items[0].detail.name", equalTo("Entra ID"))
                .body("items[0].actorId", equalTo(org.admin().id()));
        Api.as(org.admin().token()).queryParam("action", "scim.token.revoked").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(id));
    }

    @Test
    void onlyAnAdminManagesTokensAndBadNamesChangeNothing() {
        Org org = Organizations.create();
        String curator = org.member("curator").token();
        String scim = ScimApi.token(org);
        String id = Api.as(org.admin().token()).get("/api/v1/settings/scim-tokens").then().extract()
                .path("items[0].id");
        for (String token : List.of(curator, org.member("analyst").token())) {
            Api.as(token).body(Map.of("name", "Mine")).post("/api/v1/settings/scim-tokens").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(token).get("/api/v1/settings/scim-tokens").then().statusCode(403);
            Api.as(token).delete("/api/v1/settings/scim-tokens/{id}", id).then().statusCode(403);
        }
        Api.as(scim).get("/api/v1/settings/scim-tokens").then().statusCode(401).contentType("application/problem+json");
        Api.anonymous().get("/api/v1/settings/scim-tokens").then().statusCode(401);
        for (Object name : List.of("  ", "x".repeat(101), 42)) {
            Api.as(org.admin().token()).body(Map.of("name", name)).post("/api/v1/settings/scim-tokens").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("name"));
        }
        Api.as(org.admin().token()).get("/api/v1/settings/scim-tokens").then().body("items.size()", equalTo(1));
        ScimApi.as(scim).get("/scim/v2/Users").then().statusCode(200);
    }

    @Test
    void scimAnswersOnlyAScimTokenAndAScimTokenOpensNothingElse() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String revoked = ScimApi.token(org);
        String revokedId = Rows
                .of(database, "select id from scim_tokens where token_hash = '" + SecretTokens.hash(revoked) + "'")
                .get(0);
        Api.as(org.admin().token()).delete("/api/v1/settings/scim-tokens/{id}", revokedId).then().statusCode(204);
        String user = ScimApi.user(scim, "kept@" + org.slug() + ".example");
        for (String operation : OPERATIONS) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}",
                    operation.contains("Users") ? user : UUID.randomUUID().toString());
            for (String token : new String[] { null, "", "chorus_scim_forged", revoked, org.admin().token() }) {
                var request = ScimApi.as(token);
                if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                    request = request.body("{\"displayName\": \"Hijacked\", \"userName\": \"h@x.example\","
                            + " \"Operations\": [{\"op\": \"remove\", \"path\": \"displayName\"}]}");
                }
                request.request(method, path).then().statusCode(401).contentType(ScimApi.MEDIA_TYPE)
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:Error")));
            }
        }
        ScimApi.as(scim).get("/scim/v2/Users/{id}", user).then().statusCode(200)
                .body("displayName", equalTo("Ada Lovelace")).body("active", equalTo(true));
        for (String path : List.of("/scim/v2/Users", "/scim/v2/Groups", "/scim/v2/ServiceProviderConfig",
                "/scim/v2/Schemas", "/scim/v2/ResourceTypes")) {
            ScimApi.as(scim).get(path).then().statusCode(200).contentType(ScimApi.MEDIA_TYPE);
        }
        Api.as(scim).get("/api/v1/members").then().statusCode(401).contentType("application/problem+json");
        Api.as(scim).get("/api/v1/me").then().statusCode(401);
        ScimApi.as(scim).get("/scim/v2/ResourceTypes/User").then().body("endpoint", equalTo("/Users"));
        ScimApi.as(scim).get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").then()
                .body("attributes.name", hasItem("members"));
        ScimApi.as(scim).get("/scim/v2/ServiceProviderConfig").then().body("patch.supported", equalTo(true))
                .body("etag.supported", equalTo(true)).body("bulk.supported", equalTo(false))
                .body("meta.location", endsWith("/scim/v2/ServiceProviderConfig"));
    }

    @Test
    void anotherOrganizationsUsersAndGroupsDoNotExistForAToken() {
        Org home = Organizations.create();
        Org victim = Organizations.create();
        String scim = ScimApi.token(home);
        String theirs = ScimApi.token(victim);
        String user = ScimApi.user(theirs, "victim@" + victim.slug() + ".example");
        String group = ScimApi.as(theirs)
                .body("{\"displayName\": \"Victims\", \"members\": [{\"value\": \"" + user + "\"}]}")
                .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        String ours = ScimApi.as(scim).body("{\"displayName\": \"Ours\"}").post("/scim/v2/Groups").then()
                .statusCode(201).extract().path("id");

        for (String path : List.of("/scim/v2/Users/" + user, "/scim/v2/Groups/" + group)) {
            ScimApi.as(scim).get(path).then().statusCode(404).contentType(ScimApi.MEDIA_TYPE).body("detail",
                    not(startsWith(victim.slug())));
            ScimApi.as(scim).body("{\"userName\": \"x@x.example\", \"displayName\": \"Hijacked\"}").put(path).then()
                    .statusCode(404);
            ScimApi.patch(scim, path, "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Hijacked\"}")
                    .statusCode(404);
            ScimApi.as(scim).delete(path).then().statusCode(404);
        }
        ScimApi.as(scim).queryParam("filter", "userName eq \"victim@" + victim.slug() + ".example\"")
                .get("/scim/v2/Users").then().body("totalResults", equalTo(0));
        ScimApi.as(scim).queryParam("filter", "id eq \"" + group + "\"").get("/scim/v2/Groups").then()
                .body("totalResults", equalTo(0));
        ScimApi.as(scim).get("/scim/v2/Users").then().body("Resources.id", not(hasItem(user)));
        ScimApi.patch(scim, "/scim/v2/Groups/" + ours,
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user + "\"}]}").statusCode(400)
                .body("scimType", equalTo("invalidValue"));

        ScimApi.as(theirs).get("/scim/v2/Users/{id}", user).then().statusCode(200)
                .body("displayName", equalTo("Ada Lovelace")).body("active", equalTo(true));
        ScimApi.as(theirs).get("/scim/v2/Groups/{id}", group).then().statusCode(200)
                .body("displayName", equalTo("Victims")).body("members.value", equalTo(List.of(user)));
        Api.as(victim.admin().token()).queryParam("action", "member.provisioned").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(user)).body("items[0].actorId", nullValue())
                .body("items[0].detail.client", startsWith("scim-token:"));
    }
}
