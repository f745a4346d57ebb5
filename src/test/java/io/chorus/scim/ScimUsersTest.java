package io.chorus.scim;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.ScimApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Users beyond the identity providers' scripts: filters, uniqueness, ETags, members who existed before SCIM. */
@QuarkusTest
class ScimUsersTest {

    @Inject
    DataSource database;

    @Test
    void filtersFindUsersByTheirAttributesAndRefuseWhatTheyCannotFilterOn() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String ada = ScimApi.user(scim, "ada@" + org.slug() + ".example");
        String grace = ScimApi.user(scim, "grace@" + org.slug() + ".example");
        ScimApi.patch(scim, "/scim/v2/Users/" + grace, """
                {"op": "replace", "path": "displayName", "value": "Grace Hopper"}""").statusCode(200);
        String modified = ScimApi.as(scim).get("/scim/v2/Users/{id}", ada).then().extract().path("meta.lastModified");

        Map<String, List<String>> expected = Map.of("externalId eq \"ada@" + org.slug() + ".example\"", List.of(ada),
                "displayName eq \"grace hopper\"", List.of(grace),
                "userName sw \"GRACE@\" or userName eq \"ada@" + org.slug() + ".example\"", List.of(ada, grace),
                "meta.lastModified gt \"" + modified + "\"", List.of(grace),
                "emails[type eq \"work\" and value co \"grace\"]", List.of(grace),
                "not (userName pr) or id eq \"" + ada + "\"", List.of(ada),
                "active eq true and name.familyName eq \"Lovelace\" and displayName ne \"Grace Hopper\"", List.of(ada),
                "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"nobody@x.example\"", List.of());
        expected.forEach((filter, ids) -> Assertions
                .assertThat(ScimApi.as(scim).queryParam("filter", filter).get("/scim/v2/Users").then().statusCode(200)
                        .extract().jsonPath().getList("Resources.id"))
                .as(filter).containsExactlyInAnyOrderElementsOf(ids));

        for (String bad : List.of("userName eq", "userName eq ada", "title eq \"x\"", "userName xx \"a\"",
                "(userName eq \"a\"", "meta.lastModified gt \"yesterday\"", "active eq \"yes\"",
                "userName eq \"a\" and", "emails[type eq \"work\"", "\"userName\" eq \"a\"")) {
            ScimApi.as(scim).queryParam("filter", bad).get("/scim/v2/Users").then().statusCode(400)
                    .contentType(ScimApi.MEDIA_TYPE).body("status", equalTo("400"))
                    .body("scimType", equalTo("invalidFilter"));
        }
    }

    @Test
    void aUserNameOrExternalIdTakenIs409UniquenessAndChangesNothing() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String userName = "taken@" + org.slug() + ".example";
        String id = ScimApi.user(scim, userName);
        String other = ScimApi.user(scim, "other@" + org.slug() + ".example");

        ScimApi.as(scim)
                .body("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}"""
                        .formatted(userName.toUpperCase()))
                .post("/scim/v2/Users").then().statusCode(409).contentType(ScimApi.MEDIA_TYPE)
                .body("scimType", equalTo("uniqueness")).body("status", equalTo("409"));
        ScimApi.as(scim).body("""
                {"userName": "third@%s.example", "externalId": "%s"}""".formatted(org.slug(), userName))
                .post("/scim/v2/Users").then().statusCode(409).body("scimType", equalTo("uniqueness"));
        ScimApi.patch(scim, "/scim/v2/Users/" + other, """
                {"op": "replace", "path": "userName", "value": "%s"}""".formatted(userName)).statusCode(409)
                .body("scimType", equalTo("uniqueness"));
        ScimApi.as(scim).queryParam("filter", "userName sw \"third@\"").get("/scim/v2/Users").then()
                .body("totalResults", equalTo(0));
        ScimApi.as(scim).get("/scim/v2/Users/{id}", other).then().body("userName", startsWith("other@"));
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().body("userName", equalTo(userName));
    }

    @Test
    void ifMatchWithAnotherVersionIs412AndTheCurrentOneApplies() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String id = ScimApi.user(scim, "etag@" + org.slug() + ".example");
        String etag = ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().statusCode(200).extract().header("ETag");
        Assertions.assertThat(etag).isEqualTo("W/\"1\"");

        ScimApi.as(scim).header("If-Match", "W/\"7\"").body("""
                {"Operations": [{"op": "replace", "path": "displayName", "value": "Stale"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(412).contentType(ScimApi.MEDIA_TYPE)
                .body("status", equalTo("412"));
        ScimApi.as(scim).header("If-Match", "W/\"7\"").delete("/scim/v2/Users/{id}", id).then().statusCode(412);
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().body("displayName", equalTo("Ada Lovelace"))
                .body("active", equalTo(true)).body("meta.version", equalTo(etag));

        ScimApi.as(scim).header("If-Match", etag).body("""
                {"Operations": [{"op": "replace", "path": "displayName", "value": "Fresh"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).header("ETag", equalTo("W/\"2\""));
        // A change made by an admin, not through SCIM, is a new version too.
        Api.as(org.admin().token()).body(Map.of("name", "Renamed by an admin")).patch("/api/v1/members/{id}", id).then()
                .statusCode(200);
        ScimApi.as(scim).header("If-Match", "W/\"2\"").body("""
                {"Operations": [{"op": "replace", "path": "displayName", "value": "Lost update"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(412);
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().body("displayName", equalTo("Renamed by an admin"));
    }

    @Test
    void aMemberWhoExistedBeforeIsMatchedDeactivatedWithTheirPointsAndComesBackWhenCreatedAgain() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        Person ambassador = org.member("ambassador");
        Person curator = org.member("curator");
        String content = Contents.published(curator.token(), Contents.body("Before SCIM"));
        Api.as(ambassador.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201);
        String points = "select count(*) from points_ledger where member_id = '" + ambassador.id() + "'";
        List<String> before = Rows.of(database, points);

        String id = ScimApi.onlyId(scim, "Users", "userName eq \"" + ambassador.email() + "\"");
        Assertions.assertThat(id).isEqualTo(ambassador.id());
        ScimApi.as(scim).delete("/scim/v2/Users/{id}", id).then().statusCode(204);
        Api.as(ambassador.token()).get("/api/v1/me").then().statusCode(401);
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("deactivated"));
        ScimApi.as(scim).queryParam("filter", "userName eq \"" + ambassador.email() + "\"").get("/scim/v2/Users").then()
                .body("totalResults", equalTo(0));
        Assertions.assertThat(Rows.of(database, points)).isEqualTo(before).isNotEqualTo(List.of("0"));

        // Assigned again in the identity provider: created again, the same member, their history kept.
        ScimApi.as(scim).body("""
                {"userName": "%s", "displayName": "Back Again", "active": true}""".formatted(ambassador.email()))
                .post("/scim/v2/Users").then().statusCode(201).body("id", equalTo(id))
                .body("displayName", equalTo("Back Again")).body("active", equalTo(true));
        Assertions.assertThat(Rows.of(database, points)).isEqualTo(before);
        Api.as(org.admin().token()).get("/api/v1/members/{id}", id).then().body("status", equalTo("active"));
        Assertions
                .assertThat(Rows.of(database,
                        "select count(*) from mail_outbox where member_id = '" + id + "' and kind = 'invitation'"))
                .as("no second invitation").isEqualTo(List.of("1"));
    }

    @Test
    void anErasedMemberIsNoUserAndWhatTheIdentityProviderSaidOfThemGoesToo() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String id = ScimApi.user(scim, "erased@" + org.slug() + ".example");
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", id).then().statusCode(204);
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().statusCode(404);
        Assertions.assertThat(Rows.of(database,
                "select concat(external_id, given_name, family_name, email)" + " from members where id = '" + id + "'"))
                .containsExactly("");
        ScimApi.user(scim, "erased@" + org.slug() + ".example"); // the address (and externalId) free again
    }

    @Test
    void badBodiesAreScimErrorsThatChangeNothingAndPlainJsonIsAccepted() {
        Org org = Organizations.create();
        String scim = ScimApi.token(org);
        String id = ScimApi.user(scim, "plain@" + org.slug() + ".example");
        Map<String, String> bad = Map.of("{\"userName\": ", "invalidSyntax", "[1]", "invalidSyntax",
                "{\"Operations\": []}", "invalidSyntax", "{\"Operations\": [{\"op\": \"move\", \"path\": \"x\"}]}",
                "invalidSyntax", "{\"Operations\": [{\"op\": \"remove\"}]}", "noTarget",
                "{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": \"maybe\"}]}", "invalidValue",
                "{\"Operations\": [{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"not an email\"}]}",
                "invalidValue", "{\"Operations\": [{\"op\": \"replace\", \"path\": \"name[\", \"value\": 1}]}",
                "invalidPath", "{\"Operations\": [{\"op\": \"replace\", \"value\": {\"id\": \"other\"}}]}",
                "mutability");
        bad.forEach((body, scimType) -> ScimApi.as(scim).body(body).patch("/scim/v2/Users/{id}", id).then().log()
                .ifValidationFails().statusCode(400).body("scimType", equalTo(scimType)));
        ScimApi.as(scim).get("/scim/v2/Users/{id}", id).then().body("meta.version", equalTo("W/\"1\""));

        ScimApi.as(scim).contentType(ContentType.JSON).accept(ContentType.JSON).body("""
                {"Operations": [{"op": "replace", "path": "name.givenName", "value": "Plain"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).contentType(ContentType.JSON)
                .body("name.givenName", equalTo("Plain")).body("password", nullValue());
        ScimApi.as(scim).contentType(ContentType.TEXT).body("userName=x").post("/scim/v2/Users").then().statusCode(415)
                .contentType(ScimApi.MEDIA_TYPE);
        ScimApi.as(scim).get("/scim/v2/Users/not-a-uuid").then().statusCode(404).contentType(ScimApi.MEDIA_TYPE);
        ScimApi.as(scim).get("/scim/v2/Nothing").then().statusCode(404).contentType(ScimApi.MEDIA_TYPE).body("status",
                equalTo("404"));
        ScimApi.as(scim).queryParam("attributes", "userName").get("/scim/v2/Users/{id}", id).then()
                .body("userName", startsWith("plain@")).body("id", equalTo(id)).body("name", nullValue())
                .body("meta", nullValue());
    }
}
